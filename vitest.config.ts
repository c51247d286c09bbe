import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname);
const alias = [
  { find: /^@\//, replacement: `${root}/` },
  // Next.js resolves "server-only" to an empty module on the server; so do the tests.
  { find: "server-only", replacement: path.join(root, "test/setup/empty-module.ts") },
];

export default defineConfig({
  resolve: { alias },
  test: {
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { resolve: { alias }, test: { name: "unit", include: ["test/unit/**/*.test.ts"] } },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          // Migrates one database once; every test file gets its own copy of it.
          globalSetup: ["test/setup/global-setup.ts"],
          setupFiles: ["test/setup/fresh-database.ts"],
          testTimeout: 60_000,
        },
      },
    ],
  },
});
