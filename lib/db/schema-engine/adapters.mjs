// Driver adapters for the wasm schema engine, chosen from the datasource URL.
//
// The wasm engine has no database drivers of its own: it talks to the database
// through a "migration-aware" driver adapter factory (connect + connectToShadowDb).
// The stock factories need a few fixes to behave like the native engine; each
// one is marked "Work-around N" (numbered as in docs/decisions/001-offline-migrations.md).

import { mkdirSync, existsSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

/** What the datasource URL points at: `{ provider: "sqlite", file, url }` or `{ provider: "postgresql", ... }`. */
export function parseDatasourceUrl(url) {
  if (typeof url !== "string" || url === "") throw new Error("The datasource URL is empty. See https://pris.ly/d/config-url");
  if (url.startsWith("file:")) {
    // Like the native engine and the app (lib/db/client.ts): a relative path is relative to the
    // working directory, which the Prisma CLI sets to the project root (the --config file's folder).
    const raw = decodeURIComponent(url.slice("file:".length).split("?")[0]);
    return { provider: "sqlite", url, file: path.resolve(raw), displayPath: raw };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    const parsed = new URL(url);
    const params = parsed.searchParams;
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, "")) || "postgres";
    return {
      provider: "postgresql",
      url,
      database,
      schema: params.get("schema") || undefined,
      // Work-around 5: PrismaPg's shadow pool is built from `{ ...config, database }`; with a
      // `connectionString` in config the string wins and the "shadow" pool reconnects to the main
      // database (and migrate dev would replay migrations into it). So pass the parts separately.
      poolConfig: {
        host: params.get("host") || decodeURIComponent(parsed.hostname) || "localhost",
        port: parsed.port ? Number(parsed.port) : Number(params.get("port") || 5432),
        user: decodeURIComponent(parsed.username) || undefined,
        password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
        ssl: sslFromMode(params.get("sslmode")),
        connectionTimeoutMillis: params.get("connect_timeout") ? Number(params.get("connect_timeout")) * 1000 : 5000,
        application_name: params.get("application_name") || "prisma-schema-engine-wasm",
      },
    };
  }
  const scheme = url.split(":")[0];
  throw new Error(`Unsupported datasource URL scheme "${scheme}:" (this offline schema engine supports file: and postgresql:)`);
}

function sslFromMode(mode) {
  if (!mode || mode === "disable") return undefined;
  if (mode === "require" || mode === "prefer") return { rejectUnauthorized: false };
  return true;
}

/** The minimal schema the engine needs when the CLI sends no datamodel (work-around 1). */
export function stubSchema(datasource) {
  return `datasource db {\n  provider = "${datasource.provider}"\n}\n`;
}

/**
 * Builds the (unbound) migration-aware adapter factory for a parsed datasource, plus
 * `closeAll()`, which disposes every connection it handed out (needed for SQLite reset).
 */
export function createAdapterFactory(datasource, { shadowDatabaseUrl, note = () => {} } = {}) {
  return datasource.provider === "sqlite" ? sqliteFactory(datasource, shadowDatabaseUrl, note) : postgresFactory(datasource, shadowDatabaseUrl, note);
}

// ---------------------------------------------------------------------------------------------
// SQLite
// ---------------------------------------------------------------------------------------------

function sqliteFactory(datasource, shadowDatabaseUrl, note) {
  const open = new Set();
  const shadowFile = shadowDatabaseUrl ? parseDatasourceUrl(shadowDatabaseUrl).file : ":memory:";
  const inner = new PrismaBetterSqlite3({ url: datasource.file }, { shadowDatabaseUrl: shadowFile });

  const track = (adapter) => {
    fixMultiStatementExecuteRaw(adapter, note);
    explainBusyDatabase(adapter, datasource.file);
    open.add(adapter);
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      open.delete(adapter);
      await dispose();
    };
    return adapter;
  };

  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    async connect() {
      // better-sqlite3 creates a missing file but not its folder (the native engine does both).
      mkdirSync(path.dirname(datasource.file), { recursive: true });
      return track(await inner.connect());
    },
    async connectToShadowDb() {
      return track(await inner.connectToShadowDb());
    },
    async closeAll() {
      for (const adapter of [...open]) await adapter.dispose().catch(() => {});
    },
    /** Synchronous close for exit time: SQLite then removes its journal file instead of leaving it behind. */
    closeAllNow() {
      for (const adapter of open) {
        try {
          adapter.client.close();
        } catch {
          // already closed
        }
      }
      open.clear();
    },
  };
}

/**
 * Work-around 3: when `migrate dev` replays existing migrations into the shadow database, the
 * engine sends whole migration scripts through `executeRaw`, which better-sqlite3 prepares as a
 * single statement ("The supplied SQL string contains more than one statement"). A script
 * without bind arguments can safely go through `executeScript` (better-sqlite3's `exec`) instead.
 */
function fixMultiStatementExecuteRaw(adapter, note) {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (error) {
      if (query.args.length === 0 && /more than one statement/i.test(String(error?.message))) {
        note("work-around 3: multi-statement executeRaw run as a script");
        await adapter.executeScript(query.sql);
        return 0;
      }
      throw error;
    }
  };
}

/**
 * Work-around 11: the SQLite adapter reports a locked database (SQLITE_BUSY, after its 5 s busy
 * timeout) with the error kind "SocketTimeout", which the wasm engine does not know; the CLI then
 * prints only "unknown variant `SocketTimeout`". Said plainly instead.
 */
function explainBusyDatabase(adapter, file) {
  for (const method of ["queryRaw", "executeRaw", "executeScript"]) {
    const original = adapter[method].bind(adapter);
    adapter[method] = async (...args) => {
      try {
        return await original(...args);
      } catch (error) {
        if (error?.cause?.kind === "SocketTimeout") {
          throw new Error(
            `The SQLite database ${file} is locked by another process (SQLITE_BUSY for 5 s). Stop what is writing to it (the app, a backup) and run the command again.`,
          );
        }
        throw error;
      }
    };
  }
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL
// ---------------------------------------------------------------------------------------------

/**
 * Work-around 7: the engine's catalog queries return columns of PostgreSQL's internal `"char"`
 * type (OID 18, e.g. pg_constraint.contype); PrismaPg has no column type for it and fails with
 * "Column type 'char' could not be deserialized". Its values arrive as text, so report them as
 * `text` (OID 25). pg-pool calls `query` with a callback, PrismaPg's transactions use the
 * promise form: wrap both.
 */
class CharAsTextClient extends pg.Client {
  query(config, values, callback) {
    const cb = [config, values, callback].findLast((arg) => typeof arg === "function");
    if (cb) {
      const wrapped = (error, result) => cb(error, error ? result : patchCharColumns(result));
      if (callback === cb) return super.query(config, values, wrapped);
      if (values === cb) return super.query(config, wrapped);
    }
    const result = super.query(config, values);
    return result && typeof result.then === "function" ? result.then(patchCharColumns) : result;
  }
}

function patchCharColumns(result) {
  for (const one of Array.isArray(result) ? result : [result]) {
    for (const field of one?.fields ?? []) if (field.dataTypeID === 18) field.dataTypeID = 25;
  }
  return result;
}

const quoteIdent = (name) => `"${name.replaceAll('"', '""')}"`;

function postgresFactory(datasource, shadowDatabaseUrl, note) {
  const { schema } = datasource;
  const poolConfig = (base, database, forSchema = schema) => ({
    ...base,
    database,
    Client: CharAsTextClient,
    // Work-around 9: `?schema=name` must become the session's search_path …
    ...(forSchema ? { options: `-c search_path=${quoteIdent(forSchema)}` } : {}),
  });
  // … and PrismaPg must know the schema, or the engine inspects `public` and reports false drift.
  const adapterOptions = schema ? { schema } : undefined;
  const open = new Set();
  const track = (adapter, onDispose) => {
    fixWholeScriptExecution(adapter);
    open.add(adapter);
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      open.delete(adapter);
      await dispose();
      await onDispose?.();
    };
    return adapter;
  };

  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    async connect() {
      return track(await new PrismaPg(poolConfig(datasource.poolConfig, datasource.database), adapterOptions).connect());
    },
    /**
     * Work-around 6: PrismaPg's own connectToShadowDb drops the shadow database *before* closing
     * the pool that is still connected to it, so the DROP fails and the database is left behind.
     * Ours closes the shadow pool first, then drops the database through a separate connection.
     */
    async connectToShadowDb() {
      if (shadowDatabaseUrl) {
        // A configured shadow database is used as it is, emptied first (as the native engine does).
        const shadow = parseDatasourceUrl(shadowDatabaseUrl);
        const target = shadow.schema ?? schema ?? "public";
        const adapter = track(await new PrismaPg(poolConfig(shadow.poolConfig, shadow.database, target), { schema: target }).connect());
        await adapter.executeScript(`DROP SCHEMA IF EXISTS ${quoteIdent(target)} CASCADE; CREATE SCHEMA ${quoteIdent(target)}`);
        return adapter;
      }
      // A throw-away database, created and dropped through a connection to the main database.
      const admin = await new PrismaPg(poolConfig(datasource.poolConfig, datasource.database, undefined)).connect();
      const name = `prisma_migrate_shadow_db_${randomUUID()}`;
      await admin.executeScript(`CREATE DATABASE ${quoteIdent(name)}`);
      const adapter = track(await new PrismaPg(poolConfig(datasource.poolConfig, name), adapterOptions).connect(), async () => {
        await admin.executeScript(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`).catch((error) => {
          note(`could not drop the shadow database ${name}: ${error.message}`);
        });
        await admin.dispose();
      });
      // Work-around 9, continued: the `?schema=` schema must exist in the shadow database too.
      if (schema) await adapter.executeScript(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
      return adapter;
    },
    async closeAll() {
      for (const adapter of [...open]) await adapter.dispose().catch(() => {});
    },
  };
}

/**
 * Work-around 10 (not in the original list): PrismaPg's `executeScript` splits the script on every
 * ";", so a migration with a semicolon inside a string literal, a comment or a function body is
 * cut into broken statements. PostgreSQL's simple-query protocol runs a multi-statement script in
 * one round trip, exactly as the native engine sends it, so send the script whole.
 */
function fixWholeScriptExecution(adapter) {
  adapter.executeScript = async (script) => {
    try {
      await adapter.client.query(script);
    } catch (error) {
      adapter.onError(error);
    }
  };
}

/** Whether the SQLite file exists (for `cli can-connect-to-database`). */
export function sqliteFileExists(datasource) {
  return existsSync(datasource.file);
}
