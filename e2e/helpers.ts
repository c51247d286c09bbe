import { spawnSync } from "node:child_process";
import { type Browser, type BrowserContextOptions } from "@playwright/test";
import Database from "better-sqlite3";

export const DEMO_EVENT_PATH = "/events/webreakfast-plaidoyer-mobilisation-collecte-de-fonds";
export const DEMO_EVENT_SLUG = "webreakfast-plaidoyer-mobilisation-collecte-de-fonds";

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

/** What a moderator's approval does, until the dashboard exists: the row's status becomes APPROVED. */
export function approveComment(id: string) {
  const db = new Database("data/e2e.db");
  try {
    db.prepare("UPDATE Comment SET status = 'APPROVED' WHERE id = ?").run(id);
  } finally {
    db.close();
  }
}

/** The newest e-mail stored for an address (the dev mailbox's storage, as no SMTP server is configured here). */
export function latestEmailTo(address: string): { subject: string; textBody: string; status: string } | undefined {
  const db = new Database("data/e2e.db", { readonly: true });
  try {
    return db
      .prepare("SELECT subject, textBody, status FROM OutboundEmail WHERE toAddress = ? ORDER BY createdAt DESC LIMIT 1")
      .get(address) as { subject: string; textBody: string; status: string } | undefined;
  } finally {
    db.close();
  }
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
