import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/lib/generated/prisma-pg/client";
import { env } from "@/lib/env";
import { type Engine, engineForUrl, sqliteFilePath } from "./engine";

export { type Engine, engineForUrl, sqliteFilePath } from "./engine";

/**
 * Both generated clients come from one data model (prisma/postgresql/schema.prisma is derived from
 * prisma/schema.prisma), so they expose the same models and methods; use cases are typed against the
 * SQLite one.
 */
export type Database = PrismaClient;

const engines = new WeakMap<object, Engine>();

/** Which engine a client talks to, for the rare query that must differ (see claimDueEmails). */
export function engineOf(client: Database): Engine {
  return engines.get(client) ?? "sqlite";
}


/**
 * The one place that decides which database Debrief talks to, from the URL's scheme.
 * Use cases import `db` and never know the engine.
 */
export function createDatabase(url: string = env.DATABASE_URL): Database {
  const engine = engineForUrl(url);
  if (engine === "sqlite") {
    const client = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: sqliteFilePath(url), timeout: 5000 }) });
    engines.set(client, "sqlite");
    // WAL lets readers proceed while a comment is written; with WAL, synchronous=NORMAL is safe from
    // corruption and saves an fsync per commit. Issued first, so they run before any other query.
    client.$queryRawUnsafe("PRAGMA journal_mode = WAL").catch(logPragmaFailure);
    client.$executeRawUnsafe("PRAGMA synchronous = NORMAL").catch(logPragmaFailure);
    return client;
  }
  if (engine === "postgresql") {
    const schema = new URL(url).searchParams.get("schema");
    // `?schema=name` selects a PostgreSQL schema other than public, as in Prisma's own URLs; raw
    // queries find their tables through search_path.
    const adapter = new PrismaPg(
      { connectionString: url, max: env.DATABASE_POOL_SIZE, ...(schema ? { options: `-c search_path="${schema.replace(/"/g, "")}"` } : {}) },
      schema ? { schema } : {},
    );
    const client = new PostgresPrismaClient({ adapter }) as unknown as Database;
    engines.set(client, "postgresql");
    return client;
  }
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL); got "${url.split(":")[0]}:"`);
}

function logPragmaFailure(error: unknown) {
  console.error("Could not configure SQLite:", error);
}

const globalForDb = globalThis as unknown as { debriefDb?: Database };

/** The shared client. Kept on globalThis so hot reloads in development reuse one connection. */
export const db: Database = globalForDb.debriefDb ?? createDatabase();
if (env.NODE_ENV !== "production") globalForDb.debriefDb = db;
