// Runs the real Prisma CLI (with the offline schema engine wired in by prisma.config.ts).
import { spawn } from "node:child_process";
import { cpSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..");
const cli = path.join(root, "node_modules/prisma/build/index.js");
const engine = path.join(root, "lib/db/schema-engine/engine.mjs");

/** Each CLI command takes 2–4 s (Node start, config loading, compiling the wasm engine). */
export const CLI_TEST_TIMEOUT = 120_000;

export type CliResult = { code: number | null; output: string };

/** Runs `node node_modules/prisma/build/index.js …` and collects its output. */
export function prisma(args: string[], options: { databaseUrl: string; cwd?: string; engineFromEnv?: boolean }): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: options.databaseUrl,
    NO_COLOR: "1",
    CHECKPOINT_DISABLE: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  };
  // By default prisma.config.ts must find the engine by itself; a copied config cannot.
  if (options.engineFromEnv) env.PRISMA_SCHEMA_ENGINE_BINARY = engine;
  else delete env.PRISMA_SCHEMA_ENGINE_BINARY;
  return runNode([cli, ...args], { cwd: options.cwd ?? root, env });
}

/** The names of the migrations committed in `dir` (relative to the project root), oldest first. */
export function listCommittedMigrations(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/**
 * Copies the project's Prisma files (schemas, migrations, prisma.config.ts) into the empty folder `project`, with
 * node_modules linked, so that `migrate dev` can run there and the repository gets no new migration.
 */
export function copyPrismaProject(project: string): void {
  cpSync(path.join(root, "prisma"), path.join(project, "prisma"), { recursive: true });
  cpSync(path.join(root, "prisma.config.ts"), path.join(project, "prisma.config.ts"));
  writeFileSync(path.join(project, "package.json"), JSON.stringify({ type: "module", private: true }));
  symlinkSync(path.join(root, "node_modules"), path.join(project, "node_modules"), "dir");
}

/** Runs `node <args>` without blocking this process and collects its exit code and output. */
export function runNode(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult & { stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: options.cwd ?? root, env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output: stdout + stderr, stdout, stderr }));
  });
}
