import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

export type Database = PrismaClient;

/**
 * The one place that decides which database Debrief talks to, from the URL's scheme.
 * Use cases import `db` and never know the engine.
 */
export function createDatabase(url: string = env.DATABASE_URL): Database {
  if (url.startsWith("file:")) {
    const client = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: sqliteFilePath(url), timeout: 5000 }) });
    // WAL lets readers proceed while a comment is written; with WAL, synchronous=NORMAL is safe from
    // corruption and saves an fsync per commit. Issued first, so they run before any other query.
    client.$queryRawUnsafe("PRAGMA journal_mode = WAL").catch(logPragmaFailure);
    client.$executeRawUnsafe("PRAGMA synchronous = NORMAL").catch(logPragmaFailure);
    return client;
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    // The PostgreSQL client (its own generated schema, @prisma/adapter-pg) is added in part 3.
    throw new Error("DATABASE_URL points at PostgreSQL, which this version does not support yet; use file:./data/debrief.db");
  }
  throw new Error(`DATABASE_URL must start with file: (SQLite); got "${url.split(":")[0]}:"`);
}

function logPragmaFailure(error: unknown) {
  console.error("Could not configure SQLite:", error);
}

/** `file:./data/x.db` → a path better-sqlite3 opens; relative paths are relative to the project root (the cwd). */
export function sqliteFilePath(url: string): string {
  return url.replace(/^file:/, "").split("?")[0];
}

const globalForDb = globalThis as unknown as { debriefDb?: Database };

/** The shared client. Kept on globalThis so hot reloads in development reuse one connection. */
export const db: Database = globalForDb.debriefDb ?? createDatabase();
if (env.NODE_ENV !== "production") globalForDb.debriefDb = db;
