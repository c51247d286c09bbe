// Runs before each test file: a private copy of the migrated database and a known environment,
// set before any lib/ module reads it.
import { copyFileSync } from "node:fs";
import path from "node:path";
import { inject } from "vitest";
import { copyDatabase, withDatabase } from "./postgres-databases";

const template = inject("templateDatabase");
const suffix = `${process.pid}_${Math.random().toString(36).slice(2, 10)}`;

if (process.env.TEST_ENGINE === "postgresql") {
  const serverUrl = process.env.TEST_DATABASE_URL_PG!;
  const name = `${inject("databasePrefix")}${suffix}`;
  await copyDatabase(serverUrl, template, name);
  process.env.DATABASE_URL = withDatabase(serverUrl, name);
} else {
  const copy = path.join(path.dirname(template), `file-${suffix}.db`);
  copyFileSync(template, copy);
  process.env.DATABASE_URL = `file:${copy}`;
}
process.env.APP_SECRET = "test-secret-0123456789abcdef";
process.env.COMMENT_MIN_FILL_SECONDS = "3";
process.env.MODERATION_HOLD_WORDS = "casino,viagra";
process.env.MODERATION_REJECT_WORDS = "buy followers";
process.env.DEFAULT_LOCALE = "fr";
