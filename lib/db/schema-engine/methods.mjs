// The JSON-RPC methods the Prisma CLI calls on the schema engine, served by the wasm engine.
//
// Most methods pass straight through (the wasm engine takes the same parameters as the native
// RPC). The others fill gaps in the wasm build or work around its differences; each one says
// why and carries the number used in docs/decisions/001-offline-migrations.md.

import { mkdirSync, openSync, closeSync, ftruncateSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { loadWasmEngine } from "./wasm.mjs";
import { createAdapterFactory, stubSchema } from "./adapters.mjs";

/** An error to answer with; `code` becomes `error_code` (a P-code) in the response. */
export class EngineError extends Error {
  constructor(message, code) {
    super(message);
    this.code = code;
  }
}

/** The DDL the engine itself uses for its history table (copied from the engine's sources). */
const MIGRATIONS_TABLE_DDL = {
  sqlite: `CREATE TABLE "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
);`,
  postgresql: `CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);`,
};

/**
 * One wasm engine for one datasource, created on the first request that needs it
 * (SchemaEngine.new connects at once; created lazily, a connection error becomes an RPC error
 * instead of a crash at start-up).
 */
export class EngineSession {
  /**
   * @param {object} options
   * @param {{ provider: string, file?: string }} options.datasource parsed datasource URL
   * @param {Error | undefined} options.datasourceError why the URL could not be parsed, if it could not
   * @param {string | undefined} options.shadowDatabaseUrl
   * @param {[string, string][]} options.datamodels [path, content] pairs
   * @param {(line: string) => void} options.log receives the engine's JSON log lines
   * @param {(content: string) => Promise<void>} options.print asks the CLI to print (used by diff)
   */
  constructor({ datasource, datasourceError, shadowDatabaseUrl, datamodels, log, print }) {
    this.datasource = datasource;
    this.datasourceError = datasourceError;
    this.shadowDatabaseUrl = shadowDatabaseUrl;
    // Work-around 1: with no datamodel at all (e.g. `migrate diff`, `db execute`) the engine
    // panics; a datasource block naming the provider is enough.
    this.datamodels = datamodels.length > 0 || !datasource ? datamodels : [["schema.prisma", stubSchema(datasource)]];
    this.log = log;
    this.print = print;
    this.engine = null;
    this.factory = null;
    this.bound = null;
  }

  async getEngine() {
    if (this.engine) return this.engine;
    const { SchemaEngine } = await loadWasmEngine();
    this.factory = createAdapterFactory(this.datasource, {
      shadowDatabaseUrl: this.shadowDatabaseUrl,
      note: (message) => this.note(message),
    });
    this.bound = bindMigrationAwareSqlAdapterFactory(this.factory);
    this.engine = await SchemaEngine.new({ datamodels: this.datamodels }, (line) => this.log(line), this.bound);
    return this.engine;
  }

  /** Says on stderr (where the CLI's `DEBUG=prisma:schemaEngine:stderr` shows it) that a work-around ran. */
  note(message) {
    this.log(JSON.stringify({ level: "INFO", fields: { message }, target: "schema_engine_wasm_shim" }));
  }

  /** At exit: closes SQLite files synchronously (a no-op for PostgreSQL, whose server cleans up). */
  closeNow() {
    this.factory?.closeAllNow?.();
  }

  /** Turns "External error id#N" into the adapter's real error message. */
  explain(error) {
    const match = /External error id#(\d+)/.exec(String(error?.message));
    const registered = match && this.bound?.errorRegistry.consumeError(Number(match[1]));
    if (!registered) return error;
    const real = registered.error;
    const explained = new EngineError(error.message.replace(match[0], real?.message ?? String(real)), error.code ?? real?.code);
    return explained;
  }

  async call(method, params = {}) {
    if (this.datasourceError) throw this.datasourceError;
    const handler = this[`rpc_${method}`];
    if (handler) return handler.call(this, params);
    if (PASS_THROUGH.has(method)) {
      const engine = await this.getEngine();
      return engine[method](params);
    }
    throw new EngineError(`Unknown method: ${method}`);
  }

  // --- Names the wasm engine lacks ------------------------------------------------------------

  async rpc_getDatabaseVersion() {
    return (await this.getEngine()).version();
  }

  async rpc_createDatabase() {
    return { databaseName: await createDatabase(this.datasource) };
  }

  async rpc_getDatabaseDescription() {
    throw new EngineError("getDatabaseDescription is not available in the WebAssembly schema engine.");
  }

  // --- diff prints through the CLI ------------------------------------------------------------

  /**
   * The CLI ignores `result.stdout` of `diff`: the native engine prints the script by sending the
   * CLI a `print` request and waiting for its answer. Do the same.
   */
  async rpc_diff(params) {
    const result = await (await this.getEngine()).diff(params);
    if (result.stdout) await this.print(result.stdout.replace(/\n$/, ""));
    return result;
  }

  // --- Work-around 2: a fresh database has no history table ---------------------------------
  // The native engine treats a missing `_prisma_migrations` table as "nothing applied yet";
  // the wasm engine fails with P1014 in these three methods.

  async rpc_diagnoseMigrationHistory(params) {
    const engine = await this.getEngine();
    try {
      return await engine.diagnoseMigrationHistory(params);
    } catch (error) {
      if (error?.code !== "P1014") throw error;
      this.note("work-around 2: diagnoseMigrationHistory without _prisma_migrations");
      const names = params.migrationsList.migrationDirectories.map((dir) => dir.path);
      return {
        history: names.length > 0 ? { diagnostic: "databaseIsBehind", unappliedMigrationNames: names } : null,
        failedMigrationNames: [],
        editedMigrationNames: [],
        hasMigrationsTable: false,
      };
    }
  }

  async rpc_devDiagnostic(params) {
    const engine = await this.getEngine();
    try {
      return await engine.devDiagnostic(params);
    } catch (error) {
      if (error?.code !== "P1014") throw error;
      this.note("work-around 2: devDiagnostic without _prisma_migrations");
    }
    // Applying an empty list creates the history table on an empty database. On a database that
    // already has tables it fails with P3005 ("schema is not empty"): native `migrate dev` then
    // proposes a reset, so answer with that action.
    try {
      await engine.applyMigrations({
        migrationsList: { ...params.migrationsList, migrationDirectories: [] },
        filters: params.filters,
      });
    } catch (error) {
      if (error?.code === "P3005") return { action: { tag: "reset", reason: error.message } };
      throw error;
    }
    return engine.devDiagnostic(params);
  }

  async rpc_markMigrationApplied(params) {
    const engine = await this.getEngine();
    try {
      return await engine.markMigrationApplied(params);
    } catch (error) {
      if (error?.code !== "P1014") throw error;
      this.note("work-around 2: markMigrationApplied without _prisma_migrations");
    }
    // `migrate resolve --applied` is how an existing (non-empty) database is baselined, so the
    // table cannot be created by applying an empty list (P3005): create it with the engine's DDL.
    await engine.dbExecute({
      script: MIGRATIONS_TABLE_DDL[this.datasource.provider],
      datasourceType: { tag: "url", url: this.datasource.url },
    });
    return engine.markMigrationApplied(params);
  }

  // --- Work-around 8: shadow database not set up yet ----------------------------------------

  /**
   * `evaluateDataLoss` and `createMigration` can fail with "SQLite/PostgreSQL shadow DB must be
   * provided through an external factory" (seen on every SQLite `migrate dev` with a change)
   * until the engine has set up its shadow database, which `diagnoseMigrationHistory` with
   * `optInToShadowDatabase: true` does.
   */
  async withShadowDatabase(method, params) {
    const engine = await this.getEngine();
    try {
      return await engine[method](params);
    } catch (error) {
      if (!/shadow DB must be provided through an external factory/.test(String(error?.message))) throw error;
      this.note(`work-around 8: ${method} before the shadow database was set up`);
    }
    await this.rpc_diagnoseMigrationHistory({
      migrationsList: params.migrationsList,
      optInToShadowDatabase: true,
      filters: params.filters,
    });
    return engine[method](params);
  }

  rpc_evaluateDataLoss(params) {
    return this.withShadowDatabase("evaluateDataLoss", params);
  }

  rpc_createMigration(params) {
    return this.withShadowDatabase("createMigration", params);
  }

  // --- Work-around 4: SQLite reset ------------------------------------------------------------

  /**
   * The wasm engine's SQLite reset only deletes rows: tables survive ("table already exists" on
   * the next apply) and so does `sqlite_sequence` (P3005). Native reset empties the file; do that:
   * close every connection, free the engine, truncate the file. The next request reconnects.
   */
  async rpc_reset(params) {
    const hasExternalTables = (params?.filter?.externalTables?.length ?? 0) > 0;
    if (this.datasource.provider !== "sqlite" || hasExternalTables) {
      return (await this.getEngine()).reset(params);
    }
    this.note("work-around 4: SQLite reset by truncating the file");
    if (this.engine) {
      await this.factory.closeAll();
      this.engine.free();
      this.engine = null;
    }
    mkdirSync(path.dirname(this.datasource.file), { recursive: true });
    const fd = openSync(this.datasource.file, "a");
    ftruncateSync(fd, 0);
    closeSync(fd);
    return {};
  }
}

/** Methods with identical parameters and results in the native RPC and the wasm engine. */
const PASS_THROUGH = new Set([
  "applyMigrations",
  "dbExecute",
  "debugPanic",
  "ensureConnectionValidity",
  "introspect",
  "introspectSql",
  "markMigrationRolledBack",
  "schemaPush",
]);

// --- Database creation (RPC createDatabase and `cli create-database`) -------------------------

/** Creates the database the datasource points at; returns its name. */
export async function createDatabase(datasource) {
  if (datasource.provider === "sqlite") {
    // The native engine creates the folder and an empty file.
    mkdirSync(path.dirname(datasource.file), { recursive: true });
    closeSync(openSync(datasource.file, "a"));
    return path.basename(datasource.file);
  }
  await withMaintenanceClient(datasource, (client) => client.query(`CREATE DATABASE "${datasource.database.replaceAll('"', '""')}"`));
  return datasource.database;
}

/** Drops the database the datasource points at (`cli drop-database`). */
export async function dropDatabase(datasource) {
  if (datasource.provider === "sqlite") {
    for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(datasource.file + suffix, { force: true });
    return;
  }
  await withMaintenanceClient(datasource, (client) => client.query(`DROP DATABASE "${datasource.database.replaceAll('"', '""')}"`));
}

/**
 * Runs `fn` with a pg client connected to `database`, by default the `postgres` maintenance
 * database (CREATE/DROP DATABASE cannot run inside the target), falling back to `template1`
 * like the native engine when `postgres` does not exist.
 */
export async function withMaintenanceClient(datasource, fn, database) {
  const connect = async (name) => {
    const client = new pg.Client({ ...datasource.poolConfig, database: name });
    await client.connect();
    return client;
  };
  let client;
  if (database !== undefined) client = await connect(database);
  else {
    try {
      client = await connect("postgres");
    } catch (error) {
      if (error?.code !== "3D000") throw error;
      client = await connect("template1");
    }
  }
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}
