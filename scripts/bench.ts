// `npm run bench [-- --db postgres]`: the production server on the demo database with BENCH_COMMENTS
// (default 300) approved comments on one event. With wrk (Debian's package), 32 connections, BENCH_SECONDS
// (default 20) each, it measures side by side: a plain Node.js server sending the cached page's bytes from
// memory (the floor), the anonymous event page (page cache), the same while a host approves a comment every
// second, the page of a reader with a held comment and for a signed-in host, and comment POSTs;
// then the JavaScript the page ships and the web process's memory, printed as one table of ratios. Then the
// fan-out (scripts/bench-fanout.ts, one and two workers, against the raw SMTP ceiling) and the WordPress
// import (scripts/bench-import.ts). BENCH_PAGE_ONLY=1 skips the fan-out.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path_ from "node:path";
import { gzipSync } from "node:zlib";
import { benchEngine, engineLabel, freshBenchDatabase } from "./bench-database";
import { freePort } from "./free-port";
import { measurePageWeight } from "./page-weight";

const PORT = await freePort();
const BASE = `http://127.0.0.1:${PORT}`;
const ENGINE = benchEngine();
const COMMENTS = Number(process.env.BENCH_COMMENTS ?? 300);
const CONNECTIONS = 32;
const DURATION = Number(process.env.BENCH_SECONDS ?? 20);

process.chdir(new URL("..", import.meta.url).pathname);
console.log(`Preparing the bench database on ${engineLabel(ENGINE)}: migrations, demo content, ${COMMENTS} approved comments…`);
const DATABASE_URL = await freshBenchDatabase("bench", ENGINE);
const env = { ...process.env, DATABASE_URL, PORT: String(PORT), TRUST_PROXY_HOPS: "1", APP_SECRET: "bench-secret-0123456789abcdef", SITE_URL: BASE };
Object.assign(process.env, { DATABASE_URL, APP_SECRET: env.APP_SECRET, SITE_URL: BASE });
const { createDatabase } = await import("@/lib/db/client");
const { hashBody } = await import("@/lib/comments/hash");
const { seedDemoContentOnFirstRun, DEMO_EVENT_SLUG } = await import("@/lib/seed/demo-content");
const { moderateComments } = await import("@/lib/comments/moderate-comments");
const { OWN_COMMENTS_COOKIE } = await import("@/lib/comments/own-comments");
const { createUser } = await import("@/lib/users/create-user");
const { createSession } = await import("@/lib/auth/sessions");
const { SESSION_COOKIE, sessionCookieValue } = await import("@/lib/auth/session-cookie");
const db = createDatabase(DATABASE_URL);
await seedDemoContentOnFirstRun(db);
const event = await db.event.findUniqueOrThrow({ where: { slug: DEMO_EVENT_SLUG }, select: { id: true } });
const comments = Array.from({ length: COMMENTS }, (_, index) => {
  const body = `Commentaire n° ${index + 1} : merci pour cette rencontre, **très** utile. Le compte rendu sera-t-il en ligne ? Voir https://example.org/${index}`;
  return {
    eventId: event.id,
    authorName: `Lecteur ${index + 1}`,
    authorEmail: `lecteur${index + 1}@example.org`,
    body,
    bodyHash: hashBody(body),
    status: "APPROVED" as const,
    createdAt: new Date(Date.UTC(2010, 9, 1) + index * 3_600_000),
    ipHash: "bench",
  };
});
await db.comment.createMany({ data: comments });
const hostUser = await createUser({
  db,
  actor: "system",
  input: { email: "hote-bench@example.org", name: "Hôte", password: "a long bench password", role: "HOST" },
});
const host = { id: hostUser.id, role: hostUser.role };

console.log("Starting the production server (builds first if needed)…");
const server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { env, stdio: ["ignore", "inherit", "inherit"], detached: true });
const stopServer = () => {
  try {
    process.kill(-server.pid!, "SIGTERM");
  } catch {
    // already gone
  }
};
process.on("exit", stopServer);
await waitForHealth();

const eventPath = `/events/${DEMO_EVENT_SLUG}`;
const page = await fetch(BASE + eventPath, { headers: { "accept-language": "fr" } });
const html = await page.text();
const { THREADS_PER_PAGE } = await import("@/lib/comments/load-approved-comment-page");
const lastShown = Math.min(COMMENTS, THREADS_PER_PAGE);
if (!html.includes(`Lecteur ${lastShown}<`) || html.includes(`Lecteur ${lastShown + 1}<`)) {
  throw new Error(`the event page does not show its first ${lastShown} comments`);
}

// What a browser downloads: the scripts (those marked nomodule only by old browsers) and the inline payload.
const weights = await Promise.all(["/", eventPath].map((path) => measurePageWeight(BASE, path)));

// As a browser asks: French, gzip.
const browserHeaders = { "accept-language": "fr-FR,fr;q=0.9", "accept-encoding": "gzip, deflate, br", accept: "text/html" };
console.log(`\nWarming up ${eventPath}…`);
await wrk({ path: eventPath, headers: browserHeaders, seconds: 3, connections: 8 });

// The floor: a plain Node.js server sending the very bytes and headers of the cached page from memory.
const cachedPage = await rawGet(eventPath, browserHeaders);
if (cachedPage.headers["x-debrief-cache"] !== "hit")
  throw new Error(`the warmed-up page was not served from the cache (${cachedPage.headers["x-debrief-cache"]})`);
const floorPort = await freePort();
const floor = await startFloorServer(floorPort, cachedPage);
console.log(`Measuring the floor: Node.js serving the same ${cachedPage.body.length} bytes from memory…`);
const floorResult = await wrk({ phase: "floor", path: eventPath, headers: browserHeaders, port: floorPort });
stopGroup(floor);

console.log(`Measuring GET ${eventPath}, anonymous readers (page cache)…`);
const pageResult = await wrk({ phase: "page", path: eventPath, headers: browserHeaders });

// A host approves a comment every second (through another database client, as another instance would):
// each approval changes the page's version, so the page is rendered again while readers keep coming.
console.log(`Measuring anonymous readers while a host approves a comment every second…`);
let approvals = 0;
const churn = setInterval(() => {
  void (async () => {
    const held = await db.comment.create({
      data: {
        eventId: event.id,
        authorName: `Nouvelle ${approvals}`,
        authorEmail: `n${approvals}@example.org`,
        body: `Merci ${approvals}`,
        bodyHash: hashBody(`Merci ${approvals}`),
        status: "PENDING",
        ipHash: "bench",
      },
    });
    await moderateComments({ db, actor: host, input: { commentIds: [held.id], status: "APPROVED" } });
    approvals += 1;
  })();
}, 1000);
const churnResult = await wrk({ phase: "churn", path: eventPath, headers: browserHeaders });
clearInterval(churn);

console.log(`Measuring GET ${eventPath} for a reader with a comment awaiting moderation (the shared page, completed for them)…`);
// Their held comment answers the first conversation on the page they read.
const firstShown = await db.comment.findFirstOrThrow({
  where: { eventId: event.id, status: "APPROVED", parentId: null },
  orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  select: { id: true },
});
const heldComment = await db.comment.create({
  data: {
    eventId: event.id,
    parentId: firstShown.id,
    depth: 1,
    authorName: "Lectrice",
    authorEmail: "lectrice@example.org",
    body: "Mon commentaire en attente",
    bodyHash: hashBody("Mon commentaire en attente"),
    status: "PENDING",
    ipHash: "bench",
  },
});
const readerHeaders = { ...browserHeaders, cookie: `${OWN_COMMENTS_COOKIE}=${heldComment.id}` };
// The shared page (an anonymous reader fills the cache) with their held comment added to the thread.
await fetch(BASE + eventPath, { headers: browserHeaders });
const readerPage = await fetch(BASE + eventPath, { headers: readerHeaders });
if (readerPage.headers.get("x-debrief-cache") !== "personal" || !(await readerPage.text()).includes("Mon commentaire en attente"))
  throw new Error(`the reader's page was not the shared page with their held comment (${readerPage.headers.get("x-debrief-cache")})`);
await wrk({ path: eventPath, headers: readerHeaders, seconds: 3, connections: 8 });
const readerResult = await wrk({ phase: "reader", path: eventPath, headers: readerHeaders });

console.log(`Measuring GET ${eventPath} for a reader whose comment has since been approved (cookie kept)…`);
const approvedComment = await db.comment.findFirstOrThrow({ where: { eventId: event.id, status: "APPROVED" }, select: { id: true } });
const returningHeaders = { ...browserHeaders, cookie: `${OWN_COMMENTS_COOKIE}=${approvedComment.id}` };
// A page rendered for someone with that cookie is never kept for others: an anonymous reader fills the cache.
await fetch(BASE + eventPath, { headers: browserHeaders });
if ((await fetch(BASE + eventPath, { headers: returningHeaders })).headers.get("x-debrief-cache") !== "hit")
  throw new Error("the returning reader's page did not come from the cache");
const returningResult = await wrk({ phase: "returning", path: eventPath, headers: returningHeaders });

console.log(`Measuring GET ${eventPath} for a signed-in host (the public page, from the cache)…`);
const sessionId = await createSession(db, host.id, new Date());
const hostHeaders = {
  ...browserHeaders,
  cookie: `${SESSION_COOKIE}=${await sessionCookieValue({ id: sessionId, userId: host.id, name: "Hôte", email: "hote-bench@example.org" })}`,
};
// The public page holds nothing personal to a host: they are served what readers are (lib/http/cached-event-page.ts).
if ((await fetch(BASE + eventPath, { headers: hostHeaders })).headers.get("x-debrief-cache") !== "hit")
  throw new Error("the host's page did not come from the cache");
const hostResult = await wrk({ phase: "host", path: eventPath, headers: hostHeaders });

const postPath = `/api/events/${DEMO_EVENT_SLUG}/comments`;
console.log(`Measuring POST ${postPath}…`);
// Warmed up like the page: the route's modules load on its first request, which would otherwise be the p99.
await wrk({ phase: "post", path: postPath, headers: {}, script: commentPostScript(postPath, 1), seconds: 3, connections: 8 });
const postResult = await wrk({ phase: "post", path: postPath, headers: {}, script: commentPostScript(postPath, 2) });
const webMemory = residentMegabytes(serverProcessId());
stopServer();
await db.$disconnect();

const cpu = os.cpus()[0]?.model ?? "unknown CPU";
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
const ratio = (value: number, base: number) => `${Math.round((value / base) * 100)} %`;
const figure = (result: WrkResult) =>
  `${Math.round(result.requestsPerSecond).toLocaleString("en")} req/s, p99 ${result.p99Ms.toFixed(1)} ms${result.errors ? `, **${result.errors} errors**` : ""}`;
console.log(`
## Results (${new Date().toISOString().slice(0, 10)}, ${engineLabel(ENGINE)})
Machine: ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}. Load: wrk, ${CONNECTIONS} connections, ${DURATION} s each, on the same machine; the event has ${COMMENTS} approved comments (first ${lastShown} shown).

| measure | figure | against | ratio | aim |
|---|---|---|---:|---|
| floor: Node.js sending the cached page's bytes from memory | ${figure(floorResult)} | | | |
| anonymous event page (page cache) | ${figure(pageResult)} | the floor | ${ratio(pageResult.requestsPerSecond, floorResult.requestsPerSecond)} | ≥ 50 %, p99 ≤ 20 ms |
| anonymous, a host approving a comment every second (${approvals} approvals) | ${figure(churnResult)} | | | p99 ≤ 50 ms |
| reader with a held comment (the shared page, completed for them) | ${figure(readerResult)} | the cached page | ${ratio(readerResult.requestsPerSecond, pageResult.requestsPerSecond)} | ≥ 650 req/s |
| reader whose comments were all moderated (same page as readers: page cache) | ${figure(returningResult)} | the cached page | ${ratio(returningResult.requestsPerSecond, pageResult.requestsPerSecond)} | |
| signed-in host (same page as readers: page cache) | ${figure(hostResult)} | the cached page | ${ratio(hostResult.requestsPerSecond, pageResult.requestsPerSecond)} | ≥ 650 req/s |
| POST a comment, every check on | ${figure(postResult)} (${postResult.non2xx} non-2xx) | | | ≥ 1,100/s |
${weights.map((weight) => `| JavaScript a current browser downloads for ${weight.path === "/" ? "the home page" : "the event page"} | ${kb(weight.scripts.gzip - weight.noModuleGzip + weight.inline.gzip)} gzipped (${weight.scripts.count} files; inline RSC payload ${kb(weight.inline.gzip)} of it) | | | ≤ 100 KB gzipped |`).join("\n")}
| resident memory of the web process after the bench | ${webMemory} MB | PAGE_CACHE_MB | | page cache ≤ PAGE_CACHE_MB (64) |

HTML: ${Math.round(html.length / 1024)} KiB (${Math.round(gzipSync(html).length / 1024)} KiB gzipped).
`);

if (!process.env.BENCH_PAGE_ONLY) {
  for (const workers of ["1", "2"]) {
    const fanout = spawnSync(process.execPath, ["--import", "tsx", "scripts/bench-fanout.ts", "--db", ENGINE], {
      env: { ...process.env, BENCH_WORKERS: workers },
      stdio: "inherit",
    });
    if (fanout.status !== 0) process.exit(fanout.status ?? 1);
  }
}
const imported = spawnSync(process.execPath, ["--import", "tsx", "scripts/bench-import.ts", "--db", ENGINE], { stdio: "inherit" });
if (imported.status !== 0) process.exit(imported.status ?? 1);
process.exit(0);

type WrkResult = { requestsPerSecond: number; p50Ms: number; p99Ms: number; non2xx: number; errors: number };

/** Runs wrk (Debian's package) against the server, or another port, and reads its summary. */
async function wrk(options: {
  phase?: string;
  path: string;
  headers: Record<string, string>;
  seconds?: number;
  connections?: number;
  port?: number;
  script?: string;
}): Promise<WrkResult> {
  // BENCH_ONLY=reader,post: only those measures.
  if (options.phase && process.env.BENCH_ONLY && !process.env.BENCH_ONLY.split(",").includes(options.phase)) {
    return { requestsPerSecond: Number.NaN, p50Ms: Number.NaN, p99Ms: Number.NaN, non2xx: 0, errors: 0 };
  }
  const args = ["-t2", `-c${options.connections ?? CONNECTIONS}`, `-d${options.seconds ?? DURATION}s`, "--latency"];
  for (const [name, value] of Object.entries(options.headers)) args.push("-H", `${name}: ${value}`);
  if (options.script) args.push("-s", options.script);
  args.push(`http://127.0.0.1:${options.port ?? PORT}${options.path}`);
  // Not spawnSync: the bench's own timers (the approvals) run while wrk does.
  const run = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn("wrk", args);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
  if (run.status !== 0) throw new Error(`wrk failed (is Debian's wrk installed?): ${run.stderr}`);
  const out = run.stdout;
  const latency = (percentile: string) => {
    const match = new RegExp(`^\\s+${percentile}%\\s+([\\d.]+)(us|ms|s)`, "m").exec(out);
    if (!match) return Number.NaN;
    return Number(match[1]) * ({ us: 0.001, ms: 1, s: 1000 } as Record<string, number>)[match[2]];
  };
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  return {
    requestsPerSecond: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? Number.NaN),
    p50Ms: latency("50"),
    p99Ms: latency("99"),
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0),
    errors: socketErrors ? socketErrors.slice(1).reduce((sum, count) => sum + Number(count), 0) : 0,
  };
}

/**
 * A wrk script posting comments, each from a distinct reader (address, e-mail, text), so no rate limit applies;
 * `run` keeps the readers of two runs (the warm-up, the measure) apart.
 */
function commentPostScript(path: string, run: number): string {
  const file = path_.join(os.tmpdir(), `debrief-bench-post-${process.pid}-${run}.lua`);
  writeFileSync(
    file,
    `local counter = 0
local threads = 0
function setup(thread) threads = threads + 1; thread:set("tid", threads) end
function request()
  counter = counter + 1
  local n = string.format("${run}:%x:%x", tid, counter)
  local body = '{"authorName":"Bench ' .. n .. '","authorEmail":"bench${run}-' .. tid .. '-' .. counter .. '@example.org","body":"Commentaire de charge ' .. n .. '"}'
  return wrk.format("POST", "${path}", { ["content-type"] = "application/json", ["x-forwarded-for"] = "2001:db8::" .. n }, body)
end
`,
  );
  return file;
}

/** One GET as the bench's clients send it, with the body as sent (not decompressed). */
function rawGet(path: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port: PORT, path, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}

/** A separate process (so it has a core of its own, like the server) answering every request with `page`. */
function startFloorServer(port: number, page: { status: number; headers: http.IncomingHttpHeaders; body: Buffer }) {
  const file = path_.join(os.tmpdir(), `debrief-bench-floor-${process.pid}.json`);
  const headers = Object.fromEntries(
    Object.entries(page.headers).filter(([name]) => !["date", "connection", "keep-alive", "transfer-encoding"].includes(name)),
  );
  writeFileSync(file, JSON.stringify({ status: page.status, headers, body: page.body.toString("base64") }));
  const source = `const http = require("node:http"); const page = JSON.parse(require("node:fs").readFileSync(${JSON.stringify(file)}, "utf8"));
const body = Buffer.from(page.body, "base64");
const server = http.createServer((request, response) => { response.writeHead(page.status, page.headers); response.end(body); });
server.keepAliveTimeout = 65000; server.listen(${port}, "127.0.0.1", () => console.log("floor ready"));`;
  const child = spawn(process.execPath, ["-e", source], { stdio: ["ignore", "pipe", "inherit"], detached: true });
  return new Promise<ChildProcess>((resolve) => child.stdout!.once("data", () => resolve(child)));
}

function stopGroup(child: ChildProcess) {
  try {
    process.kill(-child.pid!, "SIGTERM");
  } catch {
    // already gone
  }
}

/** The web server's process: start.ts's child running server.ts. */
function serverProcessId(): number | null {
  const children = spawnSync("pgrep", ["-P", String(server.pid)], { encoding: "utf8" })
    .stdout.trim()
    .split("\n")
    .filter(Boolean)
    .map(Number);
  for (const pid of children) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("server.ts")) return pid;
    } catch {
      // gone
    }
  }
  return null;
}

function residentMegabytes(pid: number | null): string {
  if (!pid) return "?";
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? String(Math.round(Number(match[1]) / 1024)) : "?";
}

async function waitForHealth() {
  const deadline = Date.now() + 600_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("server did not become healthy");
}
