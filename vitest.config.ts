import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname);
const alias = [
  { find: /^@\//, replacement: `${root}/` },
  // Next.js resolves "server-only" to an empty module on the server; so do the tests.
  { find: "server-only", replacement: path.join(root, "test/setup/empty-module.ts") },
];

// The integration suite runs on SQLite always, and again on PostgreSQL when TEST_DATABASE_URL_PG names
// a server (`postgresql://user@host:5432/postgres`); each test file gets its own fresh database.
const integration = (name: string, env: Record<string, string>, exclude: string[] = []) => ({
  resolve: { alias },
  test: {
    name,
    include: ["test/integration/**/*.test.ts"],
    exclude,
    env,
    // Migrates one database once; every test file gets its own copy of it.
    globalSetup: ["test/setup/global-setup.ts"],
    setupFiles: ["test/setup/fresh-database.ts"],
    testTimeout: 60_000,
  },
});

export default defineConfig({
  resolve: { alias },
  test: {
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { resolve: { alias }, test: { name: "unit", include: ["test/unit/**/*.test.ts"] } },
      integration("integration", { TEST_ENGINE: "sqlite" }, ["test/integration/**/*.postgres.test.ts"]),
      ...(process.env.TEST_DATABASE_URL_PG ? [integration("integration-pg", { TEST_ENGINE: "postgresql" }, ["test/integration/**/*.sqlite.test.ts"])] : []),
    ],
  },
});
