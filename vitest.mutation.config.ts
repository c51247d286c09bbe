// The suite Stryker runs against each mutant (`npm run test:mutation`): the unit tests and the integration
// tests on SQLite, in one project. Stryker works in a copy of the project (.stryker-tmp/): tests that read
// ../shared (the WordPress import, outside the mutated folders) and tests that start other processes with tsx
// (which does not resolve the "@/" paths from the copy) are left out — the regular suite runs them.
import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname);
// MUTATION_ENGINE=postgresql runs the same suite on PostgreSQL (TEST_DATABASE_URL_PG names the server), for the SQL
// only that engine runs (`npm run test:mutation:postgres`); the engine-specific files of the other are left out.
const engine = process.env.MUTATION_ENGINE === "postgresql" ? "postgresql" : "sqlite";

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      { find: "server-only", replacement: path.join(root, "test/setup/empty-module.ts") },
    ],
  },
  test: {
    include: ["test/unit/**/*.test.ts", "test/integration/**/*.test.ts"],
    exclude: [
      engine === "postgresql" ? "test/integration/**/*.sqlite.test.ts" : "test/integration/**/*.postgres.test.ts",
      "test/integration/migrations-tooling.postgres.test.ts",
      "test/integration/import-wordpress.test.ts",
      "test/integration/backup.test.ts",
      "test/integration/commands-while-running.sqlite.test.ts",
      "test/integration/host-digest.test.ts",
      "test/integration/outbox-crash.test.ts",
      "test/integration/migrations-tooling.sqlite.test.ts",
    ],
    env: { TEST_ENGINE: engine },
    globalSetup: ["test/setup/global-setup.ts"],
    setupFiles: ["test/setup/fresh-database.ts"],
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
