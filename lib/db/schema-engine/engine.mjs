#!/usr/bin/env node
// A stand-in for Prisma's native `schema-engine` binary, built on Prisma's own WebAssembly
// schema engine, for machines that cannot download the native binary (see
// docs/decisions/001-offline-migrations.md). prisma.config.ts points PRISMA_SCHEMA_ENGINE_BINARY
// here. The Prisma CLI runs it in two ways:
//
//   engine.mjs --datamodels <file> [...] --datasource '{"url":…}' [--enabled-preview-features …]
//       then one JSON-RPC 2.0 request per line on stdin, one response per line on stdout;
//   engine.mjs --datasource '{"url":…}' cli can-connect-to-database|create-database|drop-database
//       a one-shot command that reports errors as JSON log lines on stderr;
//   engine.mjs --version
//
// Plain JavaScript on purpose: the CLI executes this file directly.

import { readFileSync } from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { parseDatasourceUrl, sqliteFileExists } from "./adapters.mjs";
import { EngineSession, createDatabase, dropDatabase, withMaintenanceClient } from "./methods.mjs";
import { loadWasmEngine, panicRegistry } from "./wasm.mjs";

// stdout carries JSON-RPC only: anything a library logs goes to stderr.
console.log = console.info = console.debug = (...args) => console.error(...args);

const EXIT_ERROR = 1;
const EXIT_PANIC = 101;

/** A log line in the native engine's format; the CLI reads `fields.message` from stderr. */
function logLine(level, message, extra = {}) {
  return JSON.stringify({ level, fields: { message, ...extra }, target: "schema_engine::logger" });
}

function parseArgs(argv) {
  const args = { datamodels: [], datasource: undefined, cli: undefined, version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--version" || arg === "-V") args.version = true;
    else if (arg === "--datamodels") args.datamodels.push(argv[++i]);
    else if (arg === "--datasource") args.datasource = JSON.parse(argv[++i]);
    else if (arg === "--enabled-preview-features" || arg === "--extension-types")
      i++; // not used by the wasm engine
    else if (arg === "cli") args.cli = argv[++i];
  }
  return args;
}

// ---------------------------------------------------------------------------------------------
// `cli <command>`: one-shot database commands
// ---------------------------------------------------------------------------------------------

/**
 * The CLI drops the first stderr line and parses every other one as JSON, looking for
 * `{ level: "ERROR", target: "schema_engine::logger", fields: { error_code, message } }`.
 * P1003 (database does not exist) is what makes it run `create-database` next.
 */
function failCli(code, message) {
  process.stderr.write(`schema-engine-wasm shim: ${message.split("\n")[0]}\n`);
  process.stderr.write(logLine("ERROR", message, { error_code: code }));
  process.exit(EXIT_ERROR);
}

async function runCliCommand(command, datasource) {
  switch (command) {
    case "can-connect-to-database":
      if (datasource.provider === "sqlite") {
        if (!sqliteFileExists(datasource)) {
          failCli("P1003", `Database \`${path.basename(datasource.file)}\` does not exist at \`${datasource.displayPath}\``);
        }
        return;
      }
      await withMaintenanceClient(datasource, () => {}, datasource.database);
      return;
    case "create-database":
      await createDatabase(datasource);
      return;
    case "drop-database":
      await dropDatabase(datasource);
      return;
    default:
      failCli("P1000", `Unknown cli command: ${command}`);
  }
}

/** Maps a pg connection error to the P-code the native engine would give. */
function postgresErrorCode(error, datasource) {
  const where = `${datasource.poolConfig.host}:${datasource.poolConfig.port}`;
  if (error?.code === "3D000") return ["P1003", `Database \`${datasource.database}\` does not exist on the database server at \`${where}\`.`];
  if (error?.code === "28P01" || error?.code === "28000") return ["P1000", `Authentication failed against database server at \`${where}\`: ${error.message}`];
  if (["ECONNREFUSED", "ENOTFOUND", "ETIMEDOUT", "EHOSTUNREACH"].includes(error?.code)) return ["P1001", `Can't reach database server at \`${where}\``];
  return [error?.code && /^P\d{4}$/.test(error.code) ? error.code : "P1000", error?.message ?? String(error)];
}

// ---------------------------------------------------------------------------------------------
// JSON-RPC over stdin/stdout
// ---------------------------------------------------------------------------------------------

function serveRpc(args, datasource, datasourceError) {
  let nextPrintId = 1;
  const pendingPrints = new Map();
  let current = null; // the request being served, for panics

  const send = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);

  const session = new EngineSession({
    datasource,
    datasourceError,
    shadowDatabaseUrl: args.datasource?.shadowDatabaseUrl,
    datamodels: args.datamodels.map((file) => [file, readFileSync(path.resolve(file), "utf8")]),
    log: (line) => process.stderr.write(`${line}\n`),
    print: (content) =>
      new Promise((resolve) => {
        // Our own request to the CLI; its answer `{ id, result: {} }` arrives on stdin.
        const id = nextPrintId++;
        pendingPrints.set(id, resolve);
        send({ id, jsonrpc: "2.0", method: "print", params: { content } });
      }),
  });

  const errorResponse = (id, error, isPanic = false) => {
    const message = error?.message ?? String(error);
    return {
      id,
      jsonrpc: "2.0",
      error: {
        code: 4466,
        // For panics the CLI shows this top-level message; for other errors, data.message.
        message: isPanic ? message : "An error happened. Check the data field for details.",
        data: { is_panic: isPanic, message, meta: error?.meta ?? null, error_code: error?.code && /^P\d{4}$/.test(error.code) ? error.code : null },
      },
    };
  };

  /**
   * A wasm panic traps with `WebAssembly.RuntimeError: unreachable`, usually from a callback,
   * leaving the pending promise unsettled forever: answer the current request and exit 101 as
   * the native engine does.
   */
  const onPanic = (error) => {
    const message = panicRegistry.get() ?? error?.message ?? String(error);
    process.stderr.write(`${logLine("ERROR", message, { is_panic: true })}\n`);
    if (current) send(errorResponse(current.id, { message }, true));
    process.exit(EXIT_PANIC);
  };
  const onCrash = (error) => {
    if (error instanceof WebAssembly.RuntimeError || panicRegistry.get()) onPanic(error);
    process.stderr.write(`${logLine("ERROR", error?.stack ?? String(error))}\n`);
    if (current) send(errorResponse(current.id, session.explain(error)));
    process.exit(EXIT_ERROR);
  };
  process.on("uncaughtException", onCrash);
  process.on("unhandledRejection", onCrash);

  // Requests are served one at a time, in order.
  const queue = [];
  let busy = false;
  let inputClosed = false;

  const pump = async () => {
    if (busy) return;
    busy = true;
    while (queue.length > 0) {
      const request = queue.shift();
      current = request;
      try {
        const result = await session.call(request.method, request.params ?? {});
        send({ id: request.id, jsonrpc: "2.0", result: result ?? {} });
      } catch (error) {
        if (error instanceof WebAssembly.RuntimeError) onPanic(error);
        send(errorResponse(request.id, session.explain(error)));
      }
      current = null;
    }
    busy = false;
    if (inputClosed) exit(0);
  };

  // The CLI closes stdin when it is done and sends SIGTERM right after, so there is no time for
  // an orderly shutdown (pg pools are simply abandoned). Only SQLite files are closed, which is
  // synchronous and instant.
  const exit = (code) => {
    session.closeNow();
    process.exit(code);
  };
  process.on("SIGTERM", () => exit(busy ? 143 : 0));

  const input = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  input.on("line", (line) => {
    if (!line.trim()) return;
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      send({ id: null, jsonrpc: "2.0", error: { code: -32700, message: "Parse error" } });
      return;
    }
    if (message.method === undefined) {
      // The CLI's answer to one of our `print` requests.
      pendingPrints.get(message.id)?.();
      pendingPrints.delete(message.id);
      return;
    }
    queue.push(message);
    void pump();
  });
  input.on("close", () => {
    inputClosed = true;
    if (!busy) exit(0);
  });
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const args = parseArgs(process.argv.slice(2));

  if (args.version) {
    const { version } = await loadWasmEngine();
    process.stdout.write(`schema-engine-cli ${version()}\n`);
    return;
  }

  // A bad URL is reported as the answer to the first request (RPC) or as a P1012 (cli).
  let datasource;
  let datasourceError;
  try {
    datasource = parseDatasourceUrl(args.datasource?.url);
  } catch (error) {
    datasourceError = error;
  }

  if (args.cli) {
    if (datasourceError) failCli("P1012", datasourceError.message);
    try {
      await runCliCommand(args.cli, datasource);
    } catch (error) {
      if (datasource.provider === "postgresql") failCli(...postgresErrorCode(error, datasource));
      failCli(error?.code && /^P\d{4}$/.test(error.code) ? error.code : "P1000", error?.message ?? String(error));
    }
    process.exit(0);
  }

  serveRpc(args, datasource, datasourceError);
}

main().catch((error) => {
  process.stderr.write(`${logLine("ERROR", error?.stack ?? String(error))}\n`);
  process.exit(EXIT_ERROR);
});
