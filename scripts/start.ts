// `npm start`: migrate, seed the demo on first run, build when the sources changed, then serve.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
mkdirSync("data", { recursive: true });

// A per-installation secret keys IP hashes and form tokens; generated once, kept beside the database.
if (!process.env.APP_SECRET) {
  const secretFile = path.join("data", "app-secret");
  if (!existsSync(secretFile)) writeFileSync(secretFile, randomBytes(32).toString("base64url"), { mode: 0o600 });
  process.env.APP_SECRET = readFileSync(secretFile, "utf8").trim();
}
Object.assign(process.env, { NODE_ENV: "production" });
// Links in e-mails point here unless the public address is configured.
process.env.SITE_URL ??= `http://localhost:${process.env.PORT ?? 3000}`;
// next-auth builds its callback URLs from this.
process.env.NEXTAUTH_URL ??= process.env.SITE_URL;

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { stdio: "inherit", env: process.env });
  if (result.status !== 0) {
    console.error(`\n✖ ${[command, ...args].join(" ")} failed (exit ${result.status}).`);
    process.exit(result.status ?? 1);
  }
}

const { createDatabase } = await import("@/lib/db/client");
const { withStartupLock } = await import("@/lib/db/startup-lock");
const { seedDemoContentOnFirstRun } = await import("@/lib/seed/demo-content");
const { env } = await import("@/lib/env");

// With PostgreSQL, instances started together take turns here.
await withStartupLock(env.DATABASE_URL, async () => {
  console.log("→ Applying database migrations…");
  run(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"]);
  const db = createDatabase();
  if (await seedDemoContentOnFirstRun(db)) console.log("→ First run: demo events created.");
  await db.$disconnect();
});

if (needsBuild()) {
  console.log("→ Building the app (first start or sources changed)…");
  run(process.execPath, ["node_modules/next/dist/bin/next", "build"]);
}

// `node --import tsx` rather than the tsx command: one process, so signals reach it directly (the tsx
// command runs a child that a SIGKILL to the parent would leave behind).
const server = spawn(process.execPath, ["--import", "tsx", "server.ts"], { stdio: "inherit", env: process.env });
// E-mails are sent by a separate process, so sending never slows page requests. RUN_WORKER=false
// leaves that to `npm run worker` processes started elsewhere.
const worker =
  process.env.RUN_WORKER === "false"
    ? null
    : spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], { stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.kill(signal);
    worker?.kill(signal);
  });
}
server.on("exit", (code) => {
  worker?.kill("SIGTERM");
  process.exit(code ?? 0);
});

/** True when there is no build yet or a source file is newer than it. */
function needsBuild(): boolean {
  const buildId = path.join(".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  const sources = ["app", "components", "lib", "messages", "prisma/schema.prisma", "prisma/postgresql/schema.prisma", "next.config.js", "package-lock.json"];
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
