import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/lib/generated/prisma-pg/client";
import { env } from "@/lib/env";
import { type Engine, engineForUrl, sqliteFilePath } from "./engine";
import { type BoundStatement, cachingPrepare, type SqliteStatement } from "./sqlite-statements";
import { noteLocalWrite } from "./write-clock";

export { type Engine, engineForUrl, sqliteFilePath } from "./engine";

/**
 * Both generated clients come from one data model (prisma/postgresql/schema.prisma is derived from
 * prisma/schema.prisma), so they expose the same models and methods; use cases are typed against the
 * SQLite one.
 */
export type Database = PrismaClient;

/** A transaction's client, as `$transaction(async (tx) => …)` hands it over. */
export type Transaction = Parameters<Parameters<Database["$transaction"]>[0]>[0];

/** How long a SQLite statement waits for another process's write lock before failing with SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * A transaction may wait for its turn longer than Prisma's default 2 s: on SQLite it queues behind the
 * others of its process and then for the write lock (up to the busy timeout).
 */
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 30_000 } as const;

/** Which engine a client (or a transaction's client) talks to, for the rare query that must differ. */
export function engineOf(client: Database | Transaction): Engine {
  // Prisma's clients, and the transaction clients they hand out, carry their schema's provider.
  return (client as unknown as { _activeProvider?: string })._activeProvider === "postgresql" ? "postgresql" : "sqlite";
}

/**
 * The one place that decides which database Debrief talks to, from the URL's scheme.
 * Use cases import `db` and never know the engine. Creating a client opens nothing: the connection
 * is made by the first query.
 */
export function createDatabase(url: string = env.DATABASE_URL): Database {
  const engine = engineForUrl(url);
  if (engine === "sqlite") {
    return new PrismaClient({ adapter: notingWrites(sqliteAdapter(sqliteFilePath(url))), transactionOptions: TRANSACTION_OPTIONS });
  }
  if (engine === "postgresql") {
    const schema = new URL(url).searchParams.get("schema");
    // `?schema=name` selects a PostgreSQL schema other than public, as in Prisma's own URLs; raw
    // queries find their tables through search_path.
    const adapter = new PrismaPg(
      { connectionString: url, max: env.DATABASE_POOL_SIZE, ...(schema ? { options: `-c search_path="${schema.replace(/"/g, "")}"` } : {}) },
      schema ? { schema } : {},
    );
    return new PostgresPrismaClient({ adapter: notingWrites(adapter), transactionOptions: TRANSACTION_OPTIONS }) as unknown as Database;
  }
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL); got "${url.split(":")[0]}:"`);
}

// The adapter only runs what it prepares as BEGIN; every other statement it binds, runs and reads.
type BetterSqliteHandle = { pragma(source: string): unknown; prepare(source: string): BoundStatement | { run(): unknown } };

/** SQL texts kept prepared per connection: Prisma's queries are a few hundred at most (IN lists vary in length). */
const KEPT_STATEMENTS = 500;

/**
 * The better-sqlite3 adapter, with the connection set up when it opens:
 * - WAL, so readers proceed while another process writes; with WAL, synchronous=NORMAL is safe from
 *   corruption and saves an fsync per commit. Set synchronously on the new connection, before any query.
 * - Each SQL text is prepared once and kept (./sqlite-statements.ts).
 * - Transactions start with BEGIN IMMEDIATE instead of BEGIN. A deferred transaction that reads and then
 *   writes cannot wait for another process's write lock: SQLite fails its upgrade at once with SQLITE_BUSY
 *   (the busy timeout does not apply). IMMEDIATE takes the write lock first, waiting up to the busy timeout,
 *   so "read, then write" inside a transaction is serialised with every other writer, in every process.
 *   If the lock stays taken past the busy timeout, the transaction starts deferred instead of failing to
 *   start: the adapter does not release its transaction mutex when BEGIN throws, which would leave the
 *   client unable to start any transaction again; a deferred transaction fails later, and cleanly.
 * See docs/decisions/003-jobs-and-exactly-once-delivery.md.
 */
function sqliteAdapter(file: string): SqlDriverAdapterFactory {
  const factory = new PrismaBetterSqlite3({ url: file, timeout: SQLITE_BUSY_TIMEOUT_MS });
  const setUp = (adapter: SqlDriverAdapter) => {
    const connection = (adapter as unknown as { client: BetterSqliteHandle }).client;
    connection.pragma("journal_mode = WAL");
    connection.pragma("synchronous = NORMAL");
    const prepare = cachingPrepare(connection.prepare.bind(connection) as (sql: string) => SqliteStatement, KEPT_STATEMENTS);
    connection.prepare = (source: string) => {
      if (source !== "BEGIN") return prepare(source);
      return {
        run: () => {
          try {
            return prepare("BEGIN IMMEDIATE").run();
          } catch (error) {
            if ((error as { code?: string }).code !== "SQLITE_BUSY") throw error;
            return prepare("BEGIN").run();
          }
        },
      };
    };
    return adapter;
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => setUp(await factory.connect()),
  };
}

/**
 * The adapter, telling the process's write clock (./write-clock.ts) when a write is done: after each
 * statement outside a transaction that is not a plain SELECT, and after each commit. The page cache
 * uses it to serve this instance's own changes at once.
 */
function notingWrites(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  const writes = (sql: string) => !/^\s*select\b/i.test(sql);
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await factory.connect();
      const executeRaw = adapter.executeRaw.bind(adapter);
      const queryRaw = adapter.queryRaw.bind(adapter);
      const startTransaction = adapter.startTransaction.bind(adapter);
      adapter.executeRaw = async (query) => {
        const result = await executeRaw(query);
        if (writes(query.sql)) noteLocalWrite();
        return result;
      };
      adapter.queryRaw = async (query) => {
        const result = await queryRaw(query);
        if (writes(query.sql)) noteLocalWrite();
        return result;
      };
      adapter.startTransaction = async (isolationLevel) => {
        const transaction = await startTransaction(isolationLevel);
        const commit = transaction.commit.bind(transaction);
        transaction.commit = async () => {
          await commit();
          noteLocalWrite();
        };
        return transaction;
      };
      return adapter;
    },
  };
}

const globalForDb = globalThis as unknown as { debriefDb?: Database };

/** The shared client. Kept on globalThis so hot reloads in development reuse one connection. */
export const db: Database = globalForDb.debriefDb ?? createDatabase();
if (env.NODE_ENV !== "production") globalForDb.debriefDb = db;
