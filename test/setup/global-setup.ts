import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { dropAbandonedDatabases, dropDatabases, onServer, withDatabase } from "./postgres-databases";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated database each test file copies: a SQLite file path, or a PostgreSQL database name. */
    templateDatabase: string;
    /** PostgreSQL only: the prefix of every database this run creates. */
    databasePrefix: string;
  }
}

const root = path.resolve(import.meta.dirname, "../..");

/** Migrates one database with the real Prisma CLI; each test file then gets its own copy. */
export default async function setup(project: TestProject) {
  const migrate = (databaseUrl: string) =>
    execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: "1" },
      stdio: "pipe",
    });

  if (project.config.env?.TEST_ENGINE === "postgresql") {
    const serverUrl = process.env.TEST_DATABASE_URL_PG;
    if (!serverUrl) throw new Error("TEST_DATABASE_URL_PG is not set");
    const prefix = `debrief_test_${process.pid}_`;
    const template = `${prefix}template`;
    await dropAbandonedDatabases(serverUrl);
    await onServer(serverUrl, (client) => client.query(`CREATE DATABASE "${template}"`));
    migrate(withDatabase(serverUrl, template));
    project.provide("templateDatabase", template);
    project.provide("databasePrefix", prefix);
    return () => dropDatabases(serverUrl, prefix);
  }

  const dir = mkdtempSync(path.join(tmpdir(), "debrief-test-"));
  const templateDatabase = path.join(dir, "template.db");
  migrate(`file:${templateDatabase}`);
  project.provide("templateDatabase", templateDatabase);
  project.provide("databasePrefix", "");
  return () => rmSync(dir, { recursive: true, force: true });
}
