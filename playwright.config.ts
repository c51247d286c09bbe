import { execFileSync } from "node:child_process";
import { defineConfig } from "@playwright/test";

/** A port nobody listens on now. Chosen once by the runner; its worker processes inherit it through the environment. */
function freePort(): string {
  return execFileSync(process.execPath, ["-e", "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"], {
    encoding: "utf8",
  }).trim();
}
process.env.E2E_PORT ??= freePort();
process.env.E2E_SMTP_PORT ??= freePort();
process.env.E2E_MAILBOX ??= "data/e2e-mailbox.jsonl";
const PORT = Number(process.env.E2E_PORT);
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  // One server and one database for the run; specs use distinct addresses and e-mails.
  workers: 1,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: "fr-FR",
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  webServer: [
    {
      // The readers' and hosts' mail server: e-mails arrive here as they would in an inbox.
      command: "node --import tsx e2e/mailbox-server.ts",
      port: Number(process.env.E2E_SMTP_PORT),
      reuseExistingServer: false,
      stdout: "pipe",
    },
    {
      // A fresh database each run, started exactly as a user would (`npm start`: migrate, seed, build, serve).
      command: "rm -f data/e2e.db data/e2e.db-journal data/e2e.db-wal data/e2e.db-shm && node --import tsx scripts/start.ts",
      url: `http://127.0.0.1:${PORT}/api/health`,
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: {
        PORT: String(PORT),
        SITE_URL: `http://127.0.0.1:${PORT}`,
        DATABASE_URL: "file:./data/e2e.db",
        APP_SECRET: "e2e-secret-0123456789abcdef",
        // The specs set X-Forwarded-For to act as distinct readers, as behind one reverse proxy.
        TRUST_PROXY_HOPS: "1",
        COMMENT_MIN_FILL_SECONDS: "1",
        SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT}`,
        OUTBOX_RETRY_SECONDS: "1",
      },
    },
  ],
});
