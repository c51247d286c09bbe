import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

/** Migrates one SQLite database with the real Prisma CLI; each test file then gets its own copy. */
export default function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), "debrief-test-"));
  mkdirSync(dir, { recursive: true });
  const templateDatabase = path.join(dir, "template.db");
  execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], {
    cwd: path.resolve(import.meta.dirname, "../.."),
    env: { ...process.env, DATABASE_URL: `file:${templateDatabase}` },
    stdio: "pipe",
  });
  project.provide("templateDatabase", templateDatabase);
  return () => rmSync(dir, { recursive: true, force: true });
}
