// The commands a newcomer runs next to a running app (which keeps its SQLite database open in WAL mode),
// and migrations that are applied only when some are pending.
import { spawnSync } from "node:child_process";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { sqliteFilePath } from "@/lib/db/engine";
import { pendingMigrations } from "@/lib/db/migrate";

const file = sqliteFilePath(process.env.DATABASE_URL!);
// What a running app and worker do: connections held open on the WAL database.
const app = new Database(file);
app.pragma("journal_mode = WAL");
app.prepare("SELECT count(*) FROM Event").get();
afterAll(() => app.close());

function run(script: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", script, ...args], { env: process.env, encoding: "utf8", timeout: 90_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("commands while the app runs", () => {
  it("finds nothing pending on a migrated database, and everything pending on a missing one", async () => {
    expect(await pendingMigrations(process.env.DATABASE_URL!)).toEqual([]);
    expect((await pendingMigrations("file:/tmp/debrief-no-such-database.db")).length).toBeGreaterThan(5);
  });

  it("npm run admin:create and npm run seed work while another process has the database open", () => {
    const admin = run("scripts/admin-create.ts", "--email", "pendant@example.org", "--password", "un mot de passe assez long");
    expect(admin.status, admin.output).toBe(0);
    expect(app.prepare("SELECT role FROM User WHERE email = ?").get("pendant@example.org")).toEqual({ role: "ADMIN" });
    const seed = run("prisma/seed.ts");
    expect(seed.status, seed.output).toBe(0);
    expect(app.prepare("SELECT count(*) AS n FROM Event WHERE isDemo = 1").get()).toEqual({ n: 3 });
  }, 120_000);
});
