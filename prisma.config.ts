import { accessSync, chmodSync, constants } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";

// Prisma's CLI downloads a native schema engine at start-up, which this project's machines cannot
// reach. lib/db/schema-engine/engine.mjs serves the same protocol from Prisma's own WebAssembly
// engine (see docs/decisions/001-offline-migrations.md). `??=` lets anyone with a native binary
// point PRISMA_SCHEMA_ENGINE_BINARY at it instead. The path must be absolute: the CLI resolves it
// against its working directory and starts the engine from the project root.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(new URL("./lib/db/schema-engine/engine.mjs", import.meta.url));
// The CLI executes it directly: a copy of the project that lost its executable bit (an archive tool, the
// mutation tester's sandbox) would fail every migration with EACCES.
try {
  accessSync(process.env.PRISMA_SCHEMA_ENGINE_BINARY, constants.X_OK);
} catch {
  try {
    chmodSync(process.env.PRISMA_SCHEMA_ENGINE_BINARY, 0o755);
  } catch {
    // not ours to change (a native binary elsewhere): the CLI reports the problem
  }
}

const databaseUrl = process.env.DATABASE_URL ?? "file:./data/debrief.db";
// One data model, two providers: a PostgreSQL URL selects the schema derived from prisma/schema.prisma
// (lib/db/derive-postgres-schema.ts) and its own migrations, so `npx prisma migrate deploy|dev|status`
// work unchanged against either engine.
const postgres = /^postgres(ql)?:\/\//.test(databaseUrl);

export default defineConfig({
  schema: postgres ? "prisma/postgresql/schema.prisma" : "prisma/schema.prisma",
  migrations: {
    path: postgres ? "prisma/postgresql/migrations" : "prisma/migrations",
    seed: "tsx prisma/seed.ts",
  },
  datasource: {
    // A relative SQLite path is relative to the directory the CLI runs in (the project root, where
    // this file is), the same directory the app resolves it from (lib/db/client.ts uses the cwd).
    url: databaseUrl,
  },
});
