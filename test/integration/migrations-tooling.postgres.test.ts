// The Prisma migration workflow on PostgreSQL: the derived schema (prisma/postgresql/schema.prisma)
// and its own migrations, through the real CLI and the offline schema engine.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { derivePostgresSchema } from "@/lib/db/derive-postgres-schema";
import { CLI_TEST_TIMEOUT, copyPrismaProject, listCommittedMigrations, prisma, root } from "../prisma-cli";
import { onServer, withDatabase } from "../setup/postgres-databases";

const serverUrl = process.env.TEST_DATABASE_URL_PG!;
const committedMigrations = listCommittedMigrations("prisma/postgresql/migrations");

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** An empty database on the test server, dropped with the run's others (same prefix). */
async function emptyDatabase(label: string): Promise<string> {
  const name = `${inject("databasePrefix")}${label}_${Math.random().toString(36).slice(2, 8)}`;
  await onServer(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  return withDatabase(serverUrl, name);
}

async function query<T>(databaseUrl: string, sql: string): Promise<T[]> {
  return onServer(databaseUrl, async (client) => (await client.query(sql)).rows as T[]);
}

describe("migrations tooling on PostgreSQL", () => {
  it("has committed PostgreSQL migrations, locked to the postgresql provider", () => {
    expect(committedMigrations.length).toBeGreaterThan(0);
    expect(readFileSync(path.join(root, "prisma/postgresql/migrations/migration_lock.toml"), "utf8")).toContain('provider = "postgresql"');
  });

  it(
    "applies them to an empty database with `migrate deploy`, and they build exactly the derived schema",
    async () => {
      const databaseUrl = await emptyDatabase("deploy");

      const pending = await prisma(["migrate", "status"], { databaseUrl });
      expect(pending.code, pending.output).toBe(1);
      expect(pending.output).toContain("prisma/postgresql/schema.prisma");
      for (const name of committedMigrations) expect(pending.output).toContain(name);

      const deploy = await prisma(["migrate", "deploy"], { databaseUrl });
      expect(deploy.code, deploy.output).toBe(0);
      expect(deploy.output).toContain("All migrations have been successfully applied.");

      const tables = (await query<{ tablename: string }>(databaseUrl, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).map(
        (row) => row.tablename,
      );
      expect(tables).toEqual(expect.arrayContaining(["Event", "Comment", "RecapRequest", "OutboundEmail", "User", "_prisma_migrations"]));
      const timestamps = await query<{ data_type: string }>(
        databaseUrl,
        `SELECT data_type FROM information_schema.columns WHERE table_name = 'Event' AND column_name = 'startsAt'`,
      );
      expect(timestamps).toEqual([{ data_type: "timestamp with time zone" }]);

      const upToDate = await prisma(["migrate", "status"], { databaseUrl });
      expect(upToDate.code, upToDate.output).toBe(0);
      expect(upToDate.output).toContain("Database schema is up to date!");

      const drift = await prisma(["migrate", "diff", "--from-config-datasource", "--to-schema", "prisma/postgresql/schema.prisma", "--exit-code"], {
        databaseUrl,
      });
      expect(drift.code, drift.output).toBe(0);
      expect(drift.output).toContain("No difference detected.");
    },
    CLI_TEST_TIMEOUT,
  );

  it(
    "follows a change to the one source schema: derive, then `migrate dev` writes a PostgreSQL migration",
    async () => {
      const project = mkdtempSync(path.join(tmpdir(), "debrief-pg-migrations-"));
      tempDirs.push(project);
      copyPrismaProject(project);
      const databaseUrl = await emptyDatabase("dev");
      const options = { databaseUrl, cwd: project, engineFromEnv: true };

      const source = readFileSync(path.join(project, "prisma/schema.prisma"), "utf8");
      const changed = source.replace(/(model Setting \{\n)/, "$1  testOnlyNote String?\n  testOnlyAt   DateTime?\n");
      expect(changed).not.toBe(source);
      writeFileSync(path.join(project, "prisma/schema.prisma"), changed);
      writeFileSync(path.join(project, "prisma/postgresql/schema.prisma"), derivePostgresSchema(changed));

      const dev = await prisma(["migrate", "dev", "--name", "add_note"], options);
      expect(dev.code, dev.output).toBe(0);
      const created = readdirSync(path.join(project, "prisma/postgresql/migrations")).filter((name) => /^\d{14}_add_note$/.test(name));
      expect(created).toHaveLength(1);
      const sql = readFileSync(path.join(project, "prisma/postgresql/migrations", created[0], "migration.sql"), "utf8");
      expect(sql).toContain(`ALTER TABLE "Setting" ADD COLUMN     "testOnlyAt" TIMESTAMPTZ(3),`);
      expect(sql).toContain(`ADD COLUMN     "testOnlyNote" TEXT;`);
      // The SQLite history is untouched.
      expect(readdirSync(path.join(project, "prisma/migrations")).filter((name) => name.endsWith("_add_note"))).toEqual([]);

      const columns = await query<{ column_name: string }>(databaseUrl, `SELECT column_name FROM information_schema.columns WHERE table_name = 'Setting'`);
      expect(columns.map((row) => row.column_name)).toEqual(expect.arrayContaining(["testOnlyNote", "testOnlyAt"]));
    },
    CLI_TEST_TIMEOUT,
  );
});
