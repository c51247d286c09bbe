import { spawn } from "node:child_process";
import { mkdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { engineForUrl, sqliteFilePath } from "./engine";

export type BackupResult = { file: string; bytes: number; engine: "sqlite" | "postgresql" };

/** `backups/debrief-2026-11-23T23-40-12Z.db` (or `.dump` for PostgreSQL). */
export function defaultBackupFile(engine: "sqlite" | "postgresql", now: Date = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replace(/:/g, "-");
  return path.join("backups", `debrief-${stamp}.${engine === "sqlite" ? "db" : "dump"}`);
}

/**
 * A consistent copy of the live database, taken while the app keeps running.
 * SQLite: `VACUUM INTO` from one read transaction (a compact snapshot; writers are not blocked),
 * then an integrity check of the copy. PostgreSQL: `pg_dump --format=custom`, restorable with pg_restore.
 */
export async function backupDatabase(options: { url: string; file?: string }): Promise<BackupResult> {
  const engine = engineForUrl(options.url);
  if (!engine) throw new Error("DATABASE_URL must start with file: or postgresql://");
  const file = options.file ?? defaultBackupFile(engine);
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });

  if (engine === "sqlite") {
    const source = new Database(sqliteFilePath(options.url), { fileMustExist: true, readonly: true });
    try {
      // One read transaction: a snapshot, however busy the site (WAL lets writers go on). SQLite's
      // page-by-page backup API would restart on every write and may never finish on a live site.
      rmSync(file, { force: true });
      source.prepare("VACUUM INTO ?").run(file);
    } finally {
      source.close();
    }
    const copy = new Database(file, { readonly: true });
    try {
      const [check] = copy.pragma("integrity_check") as { integrity_check: string }[];
      if (check?.integrity_check !== "ok") throw new Error(`the backup failed its integrity check: ${check?.integrity_check}`);
    } finally {
      copy.close();
    }
  } else {
    await new Promise<void>((resolve, reject) => {
      const dump = spawn("pg_dump", ["--format=custom", "--no-owner", "--file", file, "--dbname", options.url], { stdio: ["ignore", "inherit", "pipe"] });
      let errors = "";
      dump.stderr.on("data", (chunk) => (errors += chunk));
      dump.on("error", (error) =>
        reject((error as NodeJS.ErrnoException).code === "ENOENT" ? new Error("pg_dump is not installed (Debian: apt-get install postgresql-client)") : error),
      );
      dump.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`pg_dump failed (exit ${code}): ${errors.trim()}`))));
    });
  }
  return { file, bytes: statSync(file).size, engine };
}
