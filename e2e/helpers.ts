import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import type { Browser, BrowserContextOptions } from "@playwright/test";

export const DEMO_EVENT_PATH = "/events/webreakfast-plaidoyer-mobilisation-collecte-de-fonds";
export const DEMO_EVENT_SLUG = "webreakfast-plaidoyer-mobilisation-collecte-de-fonds";
/** The dashboard pages only an admin may open: a host gets not-found for them. */
export const ADMIN_ONLY_PAGES = ["/dashboard/users", "/dashboard/settings", "/dashboard/audit"];

let readerCounter = 0;

/** A browser context acting as a distinct reader (own address, own cookies). */
export async function newReader(browser: Browser, options: BrowserContextOptions = {}) {
  readerCounter += 1;
  // Unique within the run (all specs share this module in one worker), so no reader inherits another's
  // rate limits; the database is fresh for each run.
  const ip = `2001:db8::${process.pid.toString(16)}:${readerCounter.toString(16)}`;
  const context = await browser.newContext({ ...options, extraHTTPHeaders: { "x-forwarded-for": ip, ...options.extraHTTPHeaders } });
  return { context, page: await context.newPage(), ip, email: `lecteur-${Date.now()}-${readerCounter}@example.org` };
}

/** A host's approval, through the same use case the moderation page calls (it also trusts the poster's browser). */
export async function approveComment(...ids: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "e2e/approve-comment.ts", ...ids], {
    env: { ...process.env, DATABASE_URL: "file:./data/e2e.db" },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`approving ${ids.join(", ")} failed: ${result.stderr}`);
}

export type ReceivedMail = { to: string[]; subject: string; text: string; headers: string };

/** Every e-mail the run's mail server (e2e/mailbox-server.ts) received for an address, oldest first: the person's inbox. */
export function inbox(address: string): ReceivedMail[] {
  const file = process.env.E2E_MAILBOX ?? "data/e2e-mailbox.jsonl";
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ReceivedMail)
    .filter((mail) => mail.to.includes(address));
}

/** The newest e-mail an address received whose subject matches, once it has arrived. */
export async function waitForMail(address: string, subject: RegExp, timeoutMs = 20_000): Promise<ReceivedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mail = inbox(address)
      .filter((received) => subject.test(received.subject))
      .at(-1);
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`no e-mail to ${address} matching ${subject} within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A link of the given path in a received e-mail's text, as a path the browser can open on this site. */
export function linkIn(mail: ReceivedMail, path: string): string {
  const match = new RegExp(`https?://[^\\s]+${path.replace(/[/?]/g, "\\$&")}[^\\s]*`).exec(mail.text);
  if (!match) throw new Error(`no ${path} link in "${mail.subject}"`);
  const url = new URL(match[0]);
  return url.pathname + url.search + url.hash;
}

/** Creates a dashboard account with the real command (`npm run admin:create`'s script) on the e2e database. */
export function createAccount(email: string, password: string, role: "ADMIN" | "HOST" = "HOST", databaseUrl = "file:./data/e2e.db") {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/admin-create.ts", "--email", email, "--password", password, "--role", role], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`admin:create failed: ${result.stderr}${result.stdout}`);
  return result.stdout;
}

/** The e2e database through the app's own client, to set up what a spec needs (events, requests) directly. */
export async function withE2eDatabase<T>(work: (db: import("@/lib/db/client").Database) => Promise<T>): Promise<T> {
  const { createDatabase } = await import("../lib/db/client");
  const db = createDatabase("file:./data/e2e.db");
  try {
    return await work(db);
  } finally {
    await db.$disconnect();
  }
}

/** Signs a host in through the sign-in form and waits for the dashboard. */
export async function signIn(page: import("@playwright/test").Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.waitForURL(/\/dashboard/);
}

/**
 * In the recap editor: "Publish and notify N people", then the confirmation showing N, then the outcome.
 * Returns the N the confirmation announced.
 */
export async function publishFromEditor(page: import("@playwright/test").Page): Promise<number> {
  const { expect } = await import("@playwright/test");
  await page.getByRole("button", { name: /^(Publier|Enregistrer et prévenir)/ }).click();
  const confirm = page.getByRole("button", { name: /^Oui, publier/ });
  await expect(confirm).toBeVisible();
  const label = (await confirm.textContent()) ?? "";
  await confirm.click();
  await expect(page.getByText(/Compte rendu publié/)).toBeVisible();
  return Number(/(\d+) e-mails?/.exec(label)?.[1] ?? 0);
}
