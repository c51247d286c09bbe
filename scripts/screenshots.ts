// `npm run screenshots`: the pictures in docs/screenshots/, made as a newcomer would see the product — a fresh
// database, `npm start`, the setup link it prints, the demo's recap published from the dashboard — then the home
// page, an event page, the dashboard and the recap e-mail's HTML part, at desktop and phone widths, with Debian's
// Chromium. Needs nothing from the network.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { freePort } from "./free-port";

const OUT = path.resolve("docs/screenshots");
const DATABASE = "data/screenshots.db";
const ORGANISATION = "Agence LIMITE";
const EMAIL = "frederic@agence-limite.example.org";
const PASSWORD = "un mot de passe assez long";
const DEMO_EVENT_SLUG = "webreakfast-plaidoyer-mobilisation-collecte-de-fonds";
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

async function shoot(page: Page, name: string, widths: number[], url?: string) {
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    if (url) await page.goto(url);
    await page.waitForLoadState("networkidle");
    const file = path.join(OUT, `${name}-${width}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`  ${path.relative(process.cwd(), file)}`);
  }
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${DATABASE}${suffix}`, { force: true });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const log: string[] = [];
  const app: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: {
      ...process.env,
      PORT: String(port),
      SITE_URL: base,
      DATABASE_URL: `file:./${DATABASE}`,
      APP_SECRET: "screenshots-secret-0123456789abcdef",
      SMTP_URL: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  app.stdout!.on("data", (chunk) => log.push(String(chunk)));
  app.stderr!.on("data", (chunk) => log.push(String(chunk)));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  try {
    console.log("→ Starting Debrief on a fresh database (builds first if needed)…");
    await waitFor("the app", async () => ((await fetch(`${base}/api/health`)).status === 200 ? true : undefined), 600_000);
    const setupLink = /(http:\/\/\S+\/setup\?token=\S+)/.exec(log.join(""))?.[1];
    if (!setupLink) throw new Error(`no setup link in the log:\n${log.join("")}`);

    const context = await browser.newContext({ locale: "fr-FR", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(setupLink);
    await page.getByLabel("Nom de votre organisation").fill(ORGANISATION);
    await page.getByLabel("Votre nom").fill("Frédéric");
    await page.getByLabel("Votre adresse e-mail").fill(EMAIL);
    await page.getByLabel("Mot de passe").fill(PASSWORD);
    await page.getByRole("button", { name: "Créer le compte administrateur" }).click();
    await page.waitForURL(/\/sign-in/);
    await page.getByLabel("E-mail").fill(EMAIL);
    await page.getByLabel("Mot de passe").fill(PASSWORD);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL(/\/dashboard/);

    // The Webreakfast's recap, published for the three people who asked for it in 2010.
    await page.goto(`${base}/dashboard/events/${DEMO_EVENT_SLUG}/recap`);
    await page.waitForLoadState("networkidle");
    await page
      .getByLabel("Le compte rendu (Markdown)")
      .fill(
        "Merci aux vingt-cinq participantes et participants ! Trois idées à retenir :\n\n" +
          "- le *clickactivism* divise, mais il amène des personnes qui n’auraient jamais signé une pétition papier ;\n" +
          "- une campagne réussie demande aux internautes de **faire** quelque chose, pas seulement de cliquer ;\n" +
          "- la collecte en ligne progresse, surtout [sur mobile](https://example.org/collecte-mobile).\n\n" +
          "Les échanges ont aussi porté sur la surveillance des réseaux et la propriété des contenus créés par les utilisateurs.",
      );
    await page.getByLabel("Titre 1").fill("Les diapositives de Frédéric et Olivier");
    await page.getByLabel("Adresse 1").fill("https://example.org/webreakfast-1/diapositives.pdf");
    await page.getByLabel("Type 1").selectOption("SLIDES");
    await page.getByRole("button", { name: /^Publier/ }).click();
    await page.getByRole("button", { name: /^Oui, publier/ }).click();
    await page.getByText(/Compte rendu publié/).waitFor();

    console.log("→ Screenshots:");
    await shoot(page, "dashboard", [1280, 375], `${base}/dashboard`);
    const reader = await browser.newContext({ locale: "fr-FR" });
    const readerPage = await reader.newPage();
    await shoot(readerPage, "home", [1280, 375], `${base}/`);
    await shoot(readerPage, "event", [1280, 375], `${base}/events/${DEMO_EVENT_SLUG}`);

    // The recap e-mail's HTML part, as the dev mailbox keeps it once the worker sent it.
    await page.setViewportSize({ width: 1280, height: 900 });
    const mailPath = await waitFor(
      "the recap e-mail",
      async () => {
        await page.goto(`${base}/dashboard/mailbox`);
        const href = await page
          .getByRole("link", { name: /Le compte rendu est en ligne/ })
          .first()
          .getAttribute("href", { timeout: 1000 });
        return href ?? undefined;
      },
      60_000,
    );
    await page.goto(`${base}${mailPath}`);
    const html = await page.locator("iframe.mail-html").getAttribute("srcdoc");
    if (!html) throw new Error("the mailbox shows no HTML part");
    const mail = await browser.newPage({ javaScriptEnabled: false });
    for (const width of [700, 375]) {
      await mail.setViewportSize({ width, height: 900 });
      await mail.setContent(html, { waitUntil: "load" });
      const file = path.join(OUT, `recap-email-${width}.png`);
      await mail.screenshot({ path: file, fullPage: true });
      console.log(`  ${path.relative(process.cwd(), file)}`);
    }
  } finally {
    await browser.close();
    if (app.pid) {
      try {
        process.kill(-app.pid, "SIGTERM");
      } catch {
        // Already stopped.
      }
    }
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${DATABASE}${suffix}`, { force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
