// Loads Prisma's WebAssembly schema engine.
//
// The `prisma` package ships the wasm build that matches its own engine hash
// (node_modules/prisma/build/schema_engine_bg.wasm). No @prisma/schema-engine-wasm
// release exists for that exact hash, but the JS glue of
// @prisma/schema-engine-wasm@7.10.0-7.561d7b4… has the same imports, so we pair
// the two by hand instead of importing the package's entry point.

import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

/**
 * The engine reports a panic's message through this global before trapping
 * (`WebAssembly.RuntimeError: unreachable`). It must exist before the first call.
 */
export const panicRegistry = {
  message: undefined,
  set_message(message) {
    this.message = message;
  },
  get() {
    return this.message;
  },
};
globalThis.PRISMA_WASM_PANIC_REGISTRY = panicRegistry;

let loaded;

/** Returns the glue module (SchemaEngine class, version()) once the wasm is instantiated. */
export function loadWasmEngine() {
  loaded ??= (async () => {
    const wasmPath = path.join(path.dirname(require.resolve("prisma/package.json")), "build", "schema_engine_bg.wasm");
    const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const glue = await import(gluePath);
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), { "./schema_engine_bg.js": glue });
    glue.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start();
    return glue;
  })();
  return loaded;
}
