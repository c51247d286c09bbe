// `node --import tsx scripts/page-weight.ts [path…]`: the JavaScript public pages ship, on a fresh demo database
// (DATABASE_URL, default file:/tmp/jsbudget.db, is deleted first). The production server is started by
// scripts/start.ts, which builds first when the sources are newer than the build. `measurePageWeight` is usable
// on its own against any running server (scripts/bench.ts reports the same figures for the event page).
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

export type PageWeight = {
  path: string;
  /** The `<script src>` files the HTML references: how many, their bytes, their bytes once gzipped. */
  scripts: { count: number; bytes: number; gzip: number };
  /** Of which `<script nomodule>` (polyfills only old browsers download), gzipped. */
  noModuleGzip: number;
  /** The inline scripts the browser runs (Next.js's RSC payload, where it is sent): their bytes and their bytes once gzipped. */
  inline: { bytes: number; gzip: number };
  /** The HTML document itself, gzipped. */
  htmlGzip: number;
};

/** Fetches `path` from `base` as a French-speaking browser would and weighs its scripts. */
export async function measurePageWeight(base: string, path: string, headers: Record<string, string> = { "accept-language": "fr" }): Promise<PageWeight> {
  const response = await fetch(new URL(path, base), { headers });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
  const html = await response.text();
  const tags = new Map(
    [...html.matchAll(/<script([^>]*)\ssrc="([^"]+)"[^>]*>/g)].map((match) => [match[2].replaceAll("&amp;", "&"), /nomodule/i.test(match[0])]),
  );
  const scripts = { count: tags.size, bytes: 0, gzip: 0 };
  let noModuleGzip = 0;
  for (const [src, noModule] of tags) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    const gzip = gzipSync(body).length;
    scripts.bytes += body.length;
    scripts.gzip += gzip;
    if (noModule) noModuleGzip += gzip;
  }
  // Inline scripts the browser runs: not data such as the page's structured data (application/ld+json).
  const inlineText = [...html.matchAll(/<script(?![^>]*\ssrc=)([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter((match) => !/\stype="(?!text\/javascript"|module")[^"]*"/.test(match[1]))
    .map((match) => match[2])
    .join("");
  const inline = Buffer.from(inlineText);
  return { path, scripts, noModuleGzip, inline: { bytes: inline.length, gzip: gzipSync(inline).length }, htmlGzip: gzipSync(Buffer.from(html)).length };
}

export function formatPageWeight(weight: PageWeight): string {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  return `${weight.path}: ${weight.scripts.count} scripts ${kb(weight.scripts.gzip)} gzipped (${kb(weight.scripts.bytes)} raw; ${kb(weight.scripts.gzip - weight.noModuleGzip)} gzipped without nomodule); inline ${kb(weight.inline.bytes)} (${kb(weight.inline.gzip)} gzipped); HTML ${kb(weight.htmlGzip)} gzipped`;
}

async function main() {
  process.chdir(new URL("..", import.meta.url).pathname);
  const { freePort } = await import("./free-port");
  const { DEMO_EVENT_SLUG } = await import("@/lib/seed/demo-content");
  const databaseUrl = process.env.DATABASE_URL ?? "file:/tmp/jsbudget.db";
  const file = databaseUrl.startsWith("file:") ? databaseUrl.slice("file:".length) : null;
  if (file) for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    RUN_WORKER: "false",
    APP_SECRET: process.env.APP_SECRET ?? "page-weight-secret-0123456789abcdef",
  };
  const server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { env, stdio: ["ignore", "ignore", "inherit"], detached: true });
  const stop = () => {
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      // already gone
    }
  };
  process.on("exit", stop);
  const deadline = Date.now() + 900_000;
  for (;;) {
    if (Date.now() > deadline) throw new Error("the server did not become healthy");
    const healthy = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const paths = process.argv.slice(2).length ? process.argv.slice(2) : ["/", `/events/${DEMO_EVENT_SLUG}`, "/privacy", "/sign-in"];
  for (const path of paths) console.log(formatPageWeight(await measurePageWeight(base, path)));
  stop();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
