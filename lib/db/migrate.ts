// Applying migrations safely while other processes may have the database open. No side effects at import:
// nothing here opens the app's database client (lib/db/client).
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { engineForUrl, migrationsFolder, sqliteFilePath } from "./engine";

/**
 * Names of the committed migrations not yet applied to the database at `url`, read with a short-lived
 * connection of its own that is closed before returning. A missing database has every migration pending.
 */
export async function pendingMigrations(url: string, root: string = process.cwd()): Promise<string[]> {
  const engine = engineForUrl(url);
  if (!engine) throw new Error("DATABASE_URL must start with file: or postgresql://");
  const committed = readdirSync(path.join(root, migrationsFolder(engine)), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const applied = new Set(engine === "sqlite" ? appliedSqlite(path.resolve(root, sqliteFilePath(url))) : await appliedPostgres(url));
  return committed.filter((name) => !applied.has(name));
}

const APPLIED = `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;

function appliedSqlite(file: string): string[] {
  if (!existsSync(file)) return [];
  const connection = new Database(file, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    const table = connection.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
    if (!table) return [];
    return (connection.prepare(APPLIED).all() as { migration_name: string }[]).map((row) => row.migration_name);
  } finally {
    connection.close();
  }
}

async function appliedPostgres(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    // 3D000: the database does not exist yet; `migrate deploy` creates it.
    if ((error as { code?: string }).code === "3D000") return [];
    throw error;
  }
  try {
    const exists = await client.query("SELECT to_regclass('_prisma_migrations') AS name");
    if (!exists.rows[0]?.name) return [];
    return (await client.query<{ migration_name: string }>(APPLIED)).rows.map((row) => row.migration_name);
  } finally {
    await client.end();
  }
}

/**
 * Applies pending migrations with the Prisma CLI (`migrate deploy`), and only when some are pending.
 *
 * Why only then: on SQLite, Prisma's schema engine takes the database in exclusive locking mode
 * (`PRAGMA main.locking_mode=EXCLUSIVE`), which fails with SQLITE_BUSY as long as any other connection
 * has a WAL database open — a running app, a worker still shutting down, a backup. So a command that
 * runs `migrate deploy` unconditionally (start-up, `admin:create`, `seed`) fails whenever the app runs.
 * With nothing to apply, nothing is locked; with something to apply, the app must be stopped first, and
 * a busy database is retried for `waitSeconds` (a previous instance finishing its shutdown) before a
 * clear error. See docs/decisions/003-jobs-and-exactly-once-delivery.md.
 */
export async function migrateIfNeeded(options: { url: string; root?: string; waitSeconds?: number; log?: (line: string) => void }): Promise<string[]> {
  const root = options.root ?? process.cwd();
  const log = options.log ?? ((line: string) => console.log(line));
  const pending = await pendingMigrations(options.url, root);
  if (pending.length === 0) return [];
  log(`→ Applying ${pending.length} database migration${pending.length > 1 ? "s" : ""}…`);
  const deadline = Date.now() + (options.waitSeconds ?? 30) * 1000;
  for (;;) {
    const { code, output } = await runPrismaMigrateDeploy(options.url, root);
    if (code === 0) return pending;
    const locked = /locked by another process/.test(output);
    if (!locked || Date.now() > deadline) {
      process.stderr.write(output);
      throw new Error(
        locked
          ? "The SQLite database is in use by another process (the app, a worker, a backup): stop it, then run the command again — migrations need the database to themselves."
          : `prisma migrate deploy failed (exit ${code}).`,
      );
    }
    log("  The database is in use by another process; waiting for it to finish…");
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

function runPrismaMigrateDeploy(url: string, root: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), "migrate", "deploy"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk));
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}
