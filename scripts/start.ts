// `npm start`: migrate, seed the demo on first run, build when the sources changed, then serve — and keep
// the e-mail worker running beside the web server.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
mkdirSync("data", { recursive: true });

// A per-installation secret keys IP hashes and tokens; generated once, kept beside the database.
if (!process.env.APP_SECRET) {
  const secretFile = path.join("data", "app-secret");
  if (!existsSync(secretFile)) writeFileSync(secretFile, randomBytes(32).toString("base64url"), { mode: 0o600 });
  process.env.APP_SECRET = readFileSync(secretFile, "utf8").trim();
}
Object.assign(process.env, { NODE_ENV: "production" });
// No outbound calls the operator did not configure: Prisma's update check and Next.js's telemetry stay off.
process.env.CHECKPOINT_DISABLE = "1";
process.env.NEXT_TELEMETRY_DISABLED = "1";
// Links in e-mails point here unless the public address is configured.
const siteUrlGiven = Boolean(process.env.SITE_URL);
process.env.SITE_URL ??= `http://localhost:${process.env.PORT ?? 3000}`;
// A site served to others with links to localhost in its e-mails is broken in a way nobody notices at once.
if (!siteUrlGiven || /\/\/(localhost|127\.0\.0\.1|\[::1\])(:|\/|$)/.test(process.env.SITE_URL)) {
  console.warn(
    `⚠ SITE_URL is ${siteUrlGiven ? process.env.SITE_URL : "not set"}: links in e-mails will point to ${process.env.SITE_URL}. ` +
      "Set SITE_URL to the address readers use (https://…), or set the public address in the dashboard's site settings.",
  );
}
// next-auth builds its callback URLs from this.
process.env.NEXTAUTH_URL ??= process.env.SITE_URL;

// Nothing opens the database before migrations are applied: the modules below create no client at import.
const { engineForUrl } = await import("@/lib/db/engine");
const { migrateIfNeeded } = await import("@/lib/db/migrate");
const { withStartupLock } = await import("@/lib/db/startup-lock");
const databaseUrl = process.env.DATABASE_URL ?? "file:./data/debrief.db";
if (!engineForUrl(databaseUrl)) {
  console.error("✖ DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL).");
  process.exit(1);
}

// With PostgreSQL, instances started together take turns here.
try {
  await withStartupLock(databaseUrl, async () => {
    await migrateIfNeeded({ url: databaseUrl, log: (line) => console.log(line) });
    // Imported only now: lib/db/client's shared client would otherwise exist before the schema does.
    const { createDatabase } = await import("@/lib/db/client");
    const { seedDemoContentOnFirstRun } = await import("@/lib/seed/demo-content");
    const { issueSetupToken } = await import("@/lib/setup/setup-token");
    const db = createDatabase(databaseUrl);
    try {
      if (await seedDemoContentOnFirstRun(db)) console.log("→ First run: demo events created.");
      // No account yet: a one-time link creates the first admin (each start prints a new one).
      const setupToken = await issueSetupToken(db);
      if (setupToken)
        console.log(
          `\n→ No account yet. Create the first admin and name your organisation here (this link works once):\n   ${process.env.SITE_URL}/setup?token=${setupToken}\n`,
        );
    } finally {
      await db.$disconnect();
    }
  });
} catch (error) {
  console.error(`\n✖ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

if (needsBuild()) {
  console.log("→ Building the app (first start or sources changed)…");
  const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit", env: process.env });
  if (build.status !== 0) {
    console.error(`\n✖ next build failed (exit ${build.status}).`);
    process.exit(build.status ?? 1);
  }
}

// `node --import tsx` rather than the tsx command: one process, so signals reach it directly (the tsx
// command runs a child that a SIGKILL to the parent would leave behind).
const runTs = (file: string) => spawn(process.execPath, ["--import", "tsx", file], { stdio: "inherit", env: process.env });
let stopping = false;
const server = runTs("server.ts");

// E-mails are sent by a separate process, so sending never slows page requests. If it exits, it is
// started again after a growing pause (1 s doubling to a minute; back to 1 s once it has run a minute).
// RUN_WORKER=false leaves sending to `npm run worker` processes started elsewhere.
let worker: ChildProcess | null = null;
let restartDelayMs = 1000;
let restartTimer: NodeJS.Timeout | undefined;
function startWorker() {
  const startedAt = Date.now();
  worker = runTs("scripts/worker.ts");
  worker.on("exit", (code, signal) => {
    worker = null;
    if (stopping) return;
    if (Date.now() - startedAt > 60_000) restartDelayMs = 1000;
    console.error(`✖ The e-mail worker stopped (${signal ?? `exit ${code}`}); restarting it in ${restartDelayMs / 1000} s.`);
    restartTimer = setTimeout(startWorker, restartDelayMs);
    restartDelayMs = Math.min(restartDelayMs * 2, 60_000);
  });
}
if (process.env.RUN_WORKER !== "false") startWorker();

/** Stops both children and exits once they are gone, so a restart right after never meets a straggler. */
async function stop(code: number, signal: NodeJS.Signals = "SIGTERM") {
  if (stopping) return;
  stopping = true;
  clearTimeout(restartTimer);
  const children = [server, worker].filter((child): child is ChildProcess => child !== null && child.exitCode === null && child.signalCode === null);
  const exited = children.map((child) => new Promise((resolve) => child.once("exit", resolve)));
  for (const child of children) child.kill(signal);
  const force = setTimeout(() => {
    for (const child of children) child.kill("SIGKILL");
  }, 10_000);
  await Promise.all(exited);
  clearTimeout(force);
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop(0, signal));
server.on("exit", (code) => void stop(code ?? 0));

/** True when there is no build yet or a source file is newer than it. */
function needsBuild(): boolean {
  const buildId = path.join(".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  const sources = ["app", "components", "lib", "messages", "prisma/schema.prisma", "prisma/postgresql/schema.prisma", "next.config.ts", "package-lock.json"];
  return sources.some((source) => newestMtime(source) > builtAt);
}

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(
    stats.mtimeMs,
    ...readdirSync(entry)
      .filter((name) => name !== "generated")
      .map((name) => newestMtime(path.join(entry, name))),
  );
}
