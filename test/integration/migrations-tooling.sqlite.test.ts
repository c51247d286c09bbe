// The Prisma migration workflow, end to end with the real CLI and the offline schema engine
// (lib/db/schema-engine/engine.mjs, wired in by prisma.config.ts): see
// docs/decisions/001-offline-migrations.md.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { CLI_TEST_TIMEOUT, copyPrismaProject, listCommittedMigrations, prisma, root } from "../prisma-cli";

const committedMigrations = listCommittedMigrations("prisma/migrations");

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "debrief-migrations-"));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

function query<T>(file: string, sql: string): T[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

describe("migrations tooling (Prisma CLI + offline schema engine)", () => {
  it("has committed migrations", () => {
    expect(committedMigrations.length).toBeGreaterThan(0);
    expect(readFileSync(path.join(root, "prisma/migrations/migration_lock.toml"), "utf8")).toContain('provider = "sqlite"');
  });

  it(
    "applies the committed migrations to a fresh database with `migrate deploy`",
    async () => {
      const file = path.join(tempDir(), "fresh.db");
      const databaseUrl = `file:${file}`;

      // Before: the database does not exist yet (P1003), then exists but has nothing applied.
      const missing = await prisma(["migrate", "status"], { databaseUrl });
      expect(missing.code, missing.output).toBe(1);
      expect(missing.output).toContain("P1003");
      writeFileSync(file, "");
      const pending = await prisma(["migrate", "status"], { databaseUrl });
      expect(pending.code, pending.output).toBe(1);
      expect(pending.output).toMatch(/not yet been applied/);
      for (const name of committedMigrations) expect(pending.output).toContain(name);
      rmSync(file);

      const deploy = await prisma(["migrate", "deploy"], { databaseUrl });
      expect(deploy.code, deploy.output).toBe(0);
      expect(deploy.output).toContain("All migrations have been successfully applied.");

      const tables = query<{ name: string }>(file, "SELECT name FROM sqlite_master WHERE type = 'table'").map((row) => row.name);
      expect(tables).toEqual(expect.arrayContaining(["Event", "Comment", "Setting", "_prisma_migrations"]));
      const applied = query<{ migration_name: string; finished_at: string | null; rolled_back_at: string | null }>(
        file,
        "SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name",
      );
      expect(applied.map((row) => row.migration_name)).toEqual(committedMigrations);
      for (const row of applied) {
        expect(row.finished_at).not.toBeNull();
        expect(row.rolled_back_at).toBeNull();
      }

      const upToDate = await prisma(["migrate", "status"], { databaseUrl });
      expect(upToDate.code, upToDate.output).toBe(0);
      expect(upToDate.output).toContain("Database schema is up to date!");

      // The migrations build exactly the schema: nothing was changed in one and not the other.
      const drift = await prisma(["migrate", "diff", "--from-config-datasource", "--to-schema", "prisma/schema.prisma", "--exit-code"], { databaseUrl });
      expect(drift.code, drift.output).toBe(0);
      expect(drift.output).toContain("No difference detected.");
    },
    CLI_TEST_TIMEOUT,
  );

  it(
    "says plainly that the database is locked when another process holds it",
    async () => {
      const file = path.join(tempDir(), "locked.db");
      const holder = new Database(file);
      holder.exec("CREATE TABLE held (x INTEGER)");
      holder.exec("BEGIN EXCLUSIVE");
      try {
        const deploy = await prisma(["migrate", "deploy"], { databaseUrl: `file:${file}` });
        expect(deploy.code, deploy.output).toBe(1);
        expect(deploy.output).toContain(`The SQLite database ${file} is locked by another process`);
      } finally {
        holder.exec("ROLLBACK");
        holder.close();
      }
    },
    CLI_TEST_TIMEOUT,
  );

  it(
    "creates and applies a new migration with `migrate dev` after a schema change",
    async () => {
      // A throw-away copy of the project's Prisma files, so the repository gets no new migration.
      const project = tempDir();
      copyPrismaProject(project);
      // Relative, like the default URL: it must resolve against the project root, data/ included.
      const databaseUrl = "file:./data/dev.db";
      const file = path.join(project, "data/dev.db");
      const cwd = project;

      const init = await prisma(["migrate", "dev", "--name", "unused"], { databaseUrl, cwd, engineFromEnv: true });
      expect(init.code, init.output).toBe(0);
      expect(existsSync(file)).toBe(true);
      expect(readdirSync(path.join(project, "prisma/migrations"))).not.toContainEqual(expect.stringMatching(/_unused$/));

      const schemaFile = path.join(project, "prisma/schema.prisma");
      const schema = readFileSync(schemaFile, "utf8");
      const withField = schema.replace(/(model Setting \{\n)/, "$1  testOnlyNote String?\n");
      expect(withField).not.toBe(schema);
      writeFileSync(schemaFile, withField);

      const dev = await prisma(["migrate", "dev", "--name", "add_field"], { databaseUrl, cwd, engineFromEnv: true });
      expect(dev.code, dev.output).toBe(0);

      const created = readdirSync(path.join(project, "prisma/migrations")).filter((name) => /^\d{14}_add_field$/.test(name));
      expect(created).toHaveLength(1);
      const sql = readFileSync(path.join(project, "prisma/migrations", created[0], "migration.sql"), "utf8");
      expect(sql).toMatch(/ALTER TABLE "Setting" ADD COLUMN "testOnlyNote" TEXT|CREATE TABLE "new_Setting"/);

      const columns = query<{ name: string }>(file, `SELECT name FROM pragma_table_info('Setting')`).map((row) => row.name);
      expect(columns).toContain("testOnlyNote");
      const applied = query<{ migration_name: string }>(file, "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL");
      expect(applied.map((row) => row.migration_name)).toEqual(expect.arrayContaining([...committedMigrations, created[0]]));

      const status = await prisma(["migrate", "status"], { databaseUrl, cwd, engineFromEnv: true });
      expect(status.code, status.output).toBe(0);
    },
    CLI_TEST_TIMEOUT,
  );
});
