// Which engine a DATABASE_URL names. No side effects: scripts that must not open the app's
// database (backups, the startup lock) import this rather than lib/db/client.

export type Engine = "sqlite" | "postgresql";

export function engineForUrl(url: string): Engine | null {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  return null;
}

/** `file:./data/x.db` → a path better-sqlite3 opens; relative paths are relative to the project root (the cwd). */
export function sqliteFilePath(url: string): string {
  return url.replace(/^file:/, "").split("?")[0];
}

/** Where an engine's committed migrations live (prisma.config.ts picks the same folders). */
export function migrationsFolder(engine: Engine): string {
  return engine === "postgresql" ? "prisma/postgresql/migrations" : "prisma/migrations";
}
