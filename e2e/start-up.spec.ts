// `npm start` as an operator uses it: restarted again and again on an existing database, commands run
// while it serves, and the e-mail worker it supervises killed and brought back.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { dropDatabases, onServer, withDatabase } from "../test/setup/postgres-databases";
import { newReader, waitForMail, withE2eDatabase } from "./helpers";
import { DEMO_UPCOMING_SLUG } from "../lib/seed/demo-content";
import { freePort } from "../scripts/free-port";

/** Runs a project script to completion, as `npm run …` would, and returns its exit code and output. */
function runScript(script: string, args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(process.execPath, ["--import", "tsx", script, ...args], { env, encoding: "utf8", timeout: 120_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

async function healthy(port: number): Promise<boolean> {
  const response = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null);
  return response?.status === 200;
}

const serverUrl = process.env.TEST_DATABASE_URL_PG;
const engines = [
  {
    name: "SQLite",
    url: () => "file:./data/e2e-restarts.db",
    prepare: async () => {
      for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`data/e2e-restarts.db${suffix}`, { force: true });
    },
    cleanup: async () => {},
  },
  {
    name: "PostgreSQL",
    url: () => withDatabase(serverUrl!, `debrief_e2e_multi_${process.pid}_restarts`),
    prepare: async () => {
      await dropDatabases(serverUrl!, `debrief_e2e_multi_${process.pid}_restarts`);
      await onServer(serverUrl!, (client) => client.query(`CREATE DATABASE "debrief_e2e_multi_${process.pid}_restarts"`));
    },
    cleanup: () => dropDatabases(serverUrl!, `debrief_e2e_multi_${process.pid}_restarts`),
  },
];

for (const engine of engines) {
  test(`npm start on an existing ${engine.name} database, ten times in a row, with admin:create, seed and db:backup while it runs`, async () => {
    test.skip(engine.name === "PostgreSQL" && !serverUrl && !process.env.CI, "needs PostgreSQL: set TEST_DATABASE_URL_PG");
    test.setTimeout(400_000);
    if (engine.name === "PostgreSQL" && !serverUrl) throw new Error("CI runs this test on PostgreSQL: TEST_DATABASE_URL_PG must be set");
    await engine.prepare();
    const databaseUrl = engine.url();
    const env = { ...process.env, DATABASE_URL: databaseUrl, APP_SECRET: "e2e-restarts-secret-0123456789", SMTP_URL: "", E2E_PORT: undefined };
    let starts = 0;
    try {
      for (let round = 1; round <= 10; round++) {
        const port = await freePort();
        const output: string[] = [];
        const app: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
          env: { ...env, PORT: String(port), SITE_URL: `http://127.0.0.1:${port}` },
          stdio: ["ignore", "pipe", "pipe"],
        });
        app.stdout!.on("data", (chunk) => output.push(String(chunk)));
        app.stderr!.on("data", (chunk) => output.push(String(chunk)));
        const exited = new Promise<number | null>((resolve) => app.once("exit", (code) => resolve(code)));
        try {
          await expect.poll(() => healthy(port), { timeout: 90_000, intervals: [250], message: `start ${round}: ${output.join("").slice(-2000)}` }).toBe(true);
          starts++;
          if (round === 1) {
            // The commands a newcomer runs right after `npm start`, while it serves.
            const admin = runScript(
              "scripts/admin-create.ts",
              ["--email", `admin-${process.pid}@example.org`, "--password", "un mot de passe assez long"],
              env,
            );
            expect(admin.status, admin.output).toBe(0);
            expect(admin.output).toContain("Created admin");
            const seed = runScript("prisma/seed.ts", [], env);
            expect(seed.status, seed.output).toBe(0);
            const backupFile = `data/e2e-restarts-backup-${engine.name}.${engine.name === "SQLite" ? "db" : "dump"}`;
            const backup = runScript("scripts/db-backup.ts", ["--out", backupFile], env);
            expect(backup.status, backup.output).toBe(0);
            expect(existsSync(backupFile)).toBe(true);
            rmSync(backupFile, { force: true });
            expect(await healthy(port)).toBe(true);
          }
        } finally {
          app.kill("SIGTERM");
          // `npm start` exits only once its server and worker are gone: the next round starts right after.
          expect(await exited, output.join("").slice(-2000)).toBe(0);
        }
      }
      expect(starts).toBe(10);
    } finally {
      await engine.cleanup();
      for (const suffix of ["", "-wal", "-shm"]) rmSync(`data/e2e-restarts.db${suffix}`, { force: true });
    }
  });
}

test("the e-mail worker killed under npm start is started again, and mail resumes", async ({ browser }) => {
  test.setTimeout(120_000);
  const latestBeat = () => withE2eDatabase((db) => db.workerHeartbeat.findFirst({ orderBy: { beatAt: "desc" }, select: { pid: true, beatAt: true } }));
  await expect.poll(async () => (await latestBeat())?.pid ?? null, { timeout: 30_000 }).not.toBeNull();
  const { pid } = (await latestBeat())!;
  process.kill(pid, "SIGKILL");
  // A new worker process beats within seconds.
  await expect.poll(async () => (await latestBeat())!.pid, { timeout: 60_000 }).not.toBe(pid);
  const reader = await newReader(browser);
  await expect.poll(async () => (await (await reader.page.request.get("/api/health")).json()).worker).toBe("ok");
  // And sends: a reader's confirmation e-mail arrives.
  const response = await reader.page.request.post(`/api/events/${DEMO_UPCOMING_SLUG}/recap-requests`, { data: { email: reader.email } });
  expect(response.status()).toBe(202);
  await waitForMail(reader.email, /Confirmez votre demande/);
  await reader.context.close();
});
