// An association's own site, from an empty database, as a volunteer meets it: the setup link `npm start`
// prints, the first admin naming the organisation, a host invited by e-mail choosing their public name,
// an event with a cover image, a recap published — every page, title and e-mail in the organisation's name.
// Then sign-in and sign-out without JavaScript, and the dashboard on a phone.
import { type ChildProcess, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { type Browser, type Page, expect, test } from "@playwright/test";
import sharp from "sharp";
import { DEMO_EVENT_SLUG } from "../lib/seed/demo-content";
import { ADMIN_ONLY_PAGES, createAccount, linkIn, waitForMail } from "./helpers";
import { freePort } from "../scripts/free-port";

const ORGANISATION = "Collectif Vélo Libre";
const PASSWORD = "un mot de passe assez long";
const DATABASE = "data/e2e-setup.db";

/** The From header as a mail client shows it (RFC 2047 encoded words decoded). */
function fromHeader(headers: string): string {
  const line = /^From: (.*)$/m.exec(headers)![1];
  return line.replace(/=\?UTF-8\?Q\?([^?]*)\?=/gi, (_match, text: string) => decodeURIComponent(text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, "%$1")));
}

async function signIn(page: Page, base: string, email: string) {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("heading", { name: "Tableau de bord" })).toBeVisible();
}

async function noHorizontalScroll(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

let app: ChildProcess;
let base: string;
const output: string[] = [];

test.beforeAll(async () => {
  test.setTimeout(120_000);
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${DATABASE}${suffix}`, { force: true });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  app = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: {
      ...process.env,
      PORT: String(port),
      // As a newcomer starts it: SITE_URL left at a local address.
      SITE_URL: `http://localhost:${port}`,
      DATABASE_URL: `file:./${DATABASE}`,
      APP_SECRET: "e2e-setup-secret-0123456789abcdef",
      SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT}`,
      OUTBOX_RETRY_SECONDS: "1",
      E2E_PORT: undefined,
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  app.stdout!.on("data", (chunk) => output.push(String(chunk)));
  app.stderr!.on("data", (chunk) => output.push(String(chunk)));
  await expect
    .poll(async () => (await fetch(`${base}/api/health`).catch(() => null))?.status, {
      timeout: 100_000,
      intervals: [250],
      message: output.join("").slice(-2000),
    })
    .toBe(200);
});

test.afterAll(async () => {
  if (app?.pid) {
    const exited = new Promise((resolve) => app.once("exit", resolve));
    process.kill(-app.pid, "SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    try {
      process.kill(-app.pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
});

async function newContext(browser: Browser, javaScriptEnabled = true) {
  const context = await browser.newContext({ javaScriptEnabled });
  return { context, page: await context.newPage() };
}

test("from the setup link to a published recap, everything in the organisation's name", async ({ browser }) => {
  test.setTimeout(180_000);
  const log = output.join("");
  // The warning about the local address, and the one-time setup link.
  expect(log).toMatch(/SITE_URL is http:\/\/localhost:\d+/);
  const setupPath = new URL(/(http:\/\/\S+\/setup\?token=\S+)/.exec(log)![1]).pathname + new URL(/(http:\/\/\S+\/setup\?token=\S+)/.exec(log)![1]).search;
  const adminEmail = `admin-${process.pid}@example.org`;
  const hostEmail = `hote-${process.pid}@example.org`;
  const readerEmail = `lecteur-setup-${process.pid}@example.org`;

  // The first admin names the organisation.
  const admin = await newContext(browser);
  await admin.page.goto(`${base}${setupPath}`);
  await expect(admin.page.getByRole("heading", { name: "Installer Debrief" })).toBeVisible();
  await admin.page.getByLabel("Nom de votre organisation").fill(ORGANISATION);
  await admin.page.getByLabel("Votre nom").fill("Martine");
  await admin.page.getByLabel("Votre adresse e-mail").fill(adminEmail);
  await admin.page.getByLabel("Mot de passe").fill(PASSWORD);
  await admin.page.getByRole("button", { name: "Créer le compte administrateur" }).click();
  await expect(admin.page.getByText("Votre compte administrateur est prêt")).toBeVisible();
  await signIn(admin.page, base, adminEmail);
  await expect(admin.page).toHaveTitle(new RegExp(`${ORGANISATION}$`));
  await expect(admin.page.getByText("Connecté·e : Martine")).toBeVisible();

  // The same link again: refused, for good.
  const replay = await newContext(browser);
  await replay.page.goto(`${base}${setupPath}`);
  await expect(replay.page.getByRole("heading", { name: "Installation déjà faite" })).toBeVisible();
  await replay.context.close();

  // The logo, uploaded once, shows in the header.
  await admin.page.getByRole("link", { name: "Réglages" }).click();
  const logo = await sharp({ create: { width: 600, height: 200, channels: 3, background: "#0b7a4b" } })
    .png()
    .toBuffer();
  await admin.page.locator("#logo-file").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: logo });
  await admin.page
    .locator("form", { has: admin.page.locator("#logo-file") })
    .getByRole("button", { name: "Envoyer l’image" })
    .click();
  await expect(admin.page.getByText("Image enregistrée.")).toBeVisible();
  const headerLogo = admin.page.locator(".site-header img.brand__logo");
  await expect(headerLogo).toHaveAttribute("alt", ORGANISATION);
  expect(await headerLogo.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(480);

  // The admin invites a host; the invitation comes from the organisation.
  await admin.page.getByRole("link", { name: "Comptes", exact: true }).click();
  await admin.page.getByLabel("Adresse e-mail").fill(hostEmail);
  await admin.page.getByRole("button", { name: "Envoyer l’invitation" }).click();
  await expect(admin.page.getByText(`Invitation envoyée à ${hostEmail}`)).toBeVisible();
  const invitation = await waitForMail(hostEmail, new RegExp(`Invitation à animer les événements de ${ORGANISATION}`));
  expect(fromHeader(invitation.headers)).toMatch(new RegExp(`^"?${ORGANISATION}"? <`));
  expect(invitation.text).toContain("Martine vous invite");

  // The host chooses their public name and password from the e-mail's link; the link then stops working.
  const host = await newContext(browser);
  const acceptPath = linkIn(invitation, "/invitations/accept");
  await host.page.goto(`${base}${acceptPath}`);
  await expect(host.page.getByRole("heading", { name: `Rejoindre ${ORGANISATION}` })).toBeVisible();
  await host.page.getByLabel("Votre nom").fill("Léa Lenoir");
  await host.page.getByLabel("Mot de passe").fill(PASSWORD);
  await host.page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(host.page.getByText("Votre compte est prêt")).toBeVisible();
  await signIn(host.page, base, hostEmail);
  await expect(host.page.getByText("Connecté·e : Léa Lenoir")).toBeVisible();
  await host.page.goto(`${base}${acceptPath}`);
  await expect(host.page.getByRole("heading", { name: "Invitation inutilisable" })).toBeVisible();
  await expect(host.page.getByText("Cette invitation a déjà servi")).toBeVisible();

  // The host creates an event with a cover image; the address is proposed from the title.
  await host.page.goto(`${base}/dashboard/events/new`);
  await host.page.waitForLoadState("networkidle");
  await host.page.getByLabel("Titre").fill("Atelier : réparer son vélo");
  await expect(host.page.getByLabel("Adresse de la page (/events/…)")).toHaveValue("atelier-reparer-son-velo");
  await host.page.getByLabel("Début").fill("2026-11-20T18:00");
  await host.page.getByLabel("Fin").fill("2026-11-20T20:00");
  await host.page.getByLabel("Lieu").fill("La Cyclofficine");
  await host.page.getByLabel("Résumé").fill("Chambres à air, freins et dérailleurs.");
  await host.page.getByLabel("Le sujet (Markdown)").fill("Venez avec **votre vélo**.");
  await expect(host.page.locator(".preview strong", { hasText: "votre vélo" })).toBeVisible();
  const cover = await sharp({ create: { width: 2400, height: 1600, channels: 3, background: "#f4a300" } })
    .jpeg()
    .toBuffer();
  await host.page.getByLabel("Image de couverture (facultative)").setInputFiles({ name: "atelier.jpg", mimeType: "image/jpeg", buffer: cover });
  await host.page.getByLabel("Visibilité").selectOption("PUBLISHED");
  await host.page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(host.page.getByText("Rencontre enregistrée.")).toBeVisible();

  // The public page: the organisation's name in the title and header, the cover resized.
  const reader = await newContext(browser);
  await reader.page.goto(`${base}/events/atelier-reparer-son-velo`);
  await expect(reader.page).toHaveTitle(`Atelier : réparer son vélo · ${ORGANISATION}`);
  await expect(reader.page.locator(".site-header img.brand__logo")).toHaveAttribute("alt", ORGANISATION);
  await expect(reader.page.locator(".site-footer")).toContainText(ORGANISATION);
  const coverImage = reader.page.locator("img.event__cover");
  await expect(coverImage).toBeVisible();
  expect(await coverImage.evaluate((image: HTMLImageElement) => [image.naturalWidth, image.naturalHeight])).toEqual([1350, 900]);
  await expect(reader.page.locator('meta[property="og:site_name"]')).toHaveAttribute("content", ORGANISATION);
  await expect(reader.page.locator("#recap-request")).toContainText(`${ORGANISATION} garde votre adresse`);

  // A reader who missed it asks for the recap and confirms from the mailbox.
  const box = reader.page.locator("#recap-request");
  await reader.page.waitForLoadState("networkidle");
  await box.getByLabel("Votre e-mail").fill(readerEmail);
  await box.getByRole("button", { name: "Prévenez-moi" }).click();
  await expect(box.getByText("C’est noté.")).toBeVisible();
  const confirmation = await waitForMail(readerEmail, /Confirmez votre demande/);
  expect(fromHeader(confirmation.headers)).toMatch(new RegExp(`^"?${ORGANISATION}"? <`));
  await reader.page.goto(`${base}${linkIn(confirmation, "/recap-requests/confirm")}`);
  await reader.page.getByRole("button", { name: "Confirmer ma demande" }).click();
  await expect(reader.page.getByRole("heading", { name: "Demande confirmée" })).toBeVisible();

  // The host publishes the recap, confirming the one person it mails.
  await host.page.goto(`${base}/dashboard/events/atelier-reparer-son-velo/recap`);
  await host.page.waitForLoadState("networkidle");
  await host.page
    .getByLabel("Le compte rendu (Markdown)")
    .fill("Ce qu’on a appris :\n\n- régler ses **freins**\n- changer une chambre à air\n\nLe guide : https://example.org/guide-velo");
  await host.page.getByRole("button", { name: "Publier et prévenir 1 personne" }).click();
  await expect(host.page.getByText("1 personne recevra un e-mail")).toBeVisible();
  await host.page.getByRole("button", { name: "Oui, publier et envoyer 1 e-mail" }).click();
  await expect(host.page.getByText(/Compte rendu publié/)).toBeVisible();

  // The recap e-mail: the organisation's name and logo, the Markdown as a list with a clickable link.
  const recapMail = await waitForMail(readerEmail, /compte rendu est en ligne/);
  expect(fromHeader(recapMail.headers)).toMatch(new RegExp(`^"?${ORGANISATION}"? <`));
  expect(recapMail.text).toContain(ORGANISATION);
  expect(recapMail.text).toMatch(/<li[^>]*>régler ses <strong>freins<\/strong><\/li>/);
  expect(recapMail.text).toMatch(/<a href="https:\/\/example\.org\/guide-velo"/);
  expect(recapMail.text).toMatch(/<img [^>]*src="http:\/\/localhost:\d+\/assets\/\w+"[^>]*alt="Collectif Vélo Libre"/);
  await host.context.close();
  await reader.context.close();

  // The admin reached the site under a name other than SITE_URL's: the dashboard says the links are wrong.
  const asHost = await admin.page.request.get(`${base}/dashboard`, { headers: { host: "velo-libre.example.org" } });
  expect(await asHost.text()).toContain("Les liens des e-mails pointent vers");
  await admin.page.goto(`${base}/dashboard/audit`);
  await admin.page.getByLabel("Personne").selectOption({ label: "Léa Lenoir" });
  await admin.page.getByRole("button", { name: "Filtrer" }).click();
  await expect(admin.page.locator(".audit-log")).toContainText("Événement « atelier-reparer-son-velo » créé");
  await expect(admin.page.locator(".audit-log")).toContainText("Compte rendu publié");
  await expect(admin.page.locator(".audit-log")).not.toContainText("Martine");
  await admin.context.close();
});

// Each of the next tests has its own account: after a failure Playwright runs them in a new worker, with a new site.
test("sign-in and sign-out work without JavaScript, with the same messages", async ({ browser }) => {
  const { context, page } = await newContext(browser, false);
  const email = `sans-js-${process.pid}@example.org`;
  createAccount(email, PASSWORD, "ADMIN", `file:./${DATABASE}`);
  await page.goto(`${base}/sign-in`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Mot de passe").fill("pas le bon mot de passe");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByText("Adresse e-mail ou mot de passe incorrect.")).toBeVisible();
  await page.getByLabel("Mot de passe").fill(PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("heading", { name: "Tableau de bord" })).toBeVisible();
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(`${base}/`);
  await page.goto(`${base}/dashboard`);
  await expect(page).toHaveURL(/\/sign-in/);
  await context.close();
});

test("the dashboard at 390 px wide has no horizontal scroll", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const email = `telephone-${process.pid}@example.org`;
  createAccount(email, PASSWORD, "ADMIN", `file:./${DATABASE}`);
  await signIn(page, base, email);
  for (const path of [
    "/dashboard",
    "/dashboard/moderation",
    "/dashboard/mailbox",
    ...ADMIN_ONLY_PAGES,
    "/dashboard/account",
    "/dashboard/events/new",
    `/dashboard/events/${DEMO_EVENT_SLUG}/edit`,
    `/dashboard/events/${DEMO_EVENT_SLUG}/recap`,
  ]) {
    await page.goto(`${base}${path}`);
    expect(await noHorizontalScroll(page), path).toBe(true);
  }
  await context.close();
});
