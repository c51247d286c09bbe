// `npm run bench [-- --db postgres]`: the production server on the demo database with BENCH_COMMENTS
// (default 300) approved comments on one event; measures the event page and the comment API with
// autocannon and the JavaScript the page ships, then runs the fan-out (scripts/bench-fanout.ts) with
// one and two workers, and the WordPress import (scripts/bench-import.ts). BENCH_PAGE_ONLY=1 skips the fan-out.
import { spawn, spawnSync } from "node:child_process";
import os from "node:os";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { benchEngine, engineLabel, freshBenchDatabase } from "./bench-database";

const PORT = 3200;
const BASE = `http://127.0.0.1:${PORT}`;
const ENGINE = benchEngine();
const COMMENTS = Number(process.env.BENCH_COMMENTS ?? 300);
const CONNECTIONS = 32;
const DURATION = Number(process.env.BENCH_SECONDS ?? 20);

process.chdir(new URL("..", import.meta.url).pathname);
console.log(`Preparing the bench database on ${engineLabel(ENGINE)}: migrations, demo content, ${COMMENTS} approved comments…`);
const DATABASE_URL = await freshBenchDatabase("bench", ENGINE);
const env = { ...process.env, DATABASE_URL, PORT: String(PORT), TRUST_PROXY_HOPS: "1", APP_SECRET: "bench-secret-0123456789abcdef" };
process.env.DATABASE_URL = DATABASE_URL;
const { createDatabase } = await import("@/lib/db/client");
const { hashBody } = await import("@/lib/comments/hash");
const { seedDemoContentOnFirstRun, DEMO_EVENT_SLUG } = await import("@/lib/seed/demo-content");
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
await db.$disconnect();

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
const { THREADS_PER_PAGE } = await import("@/lib/events/get-event");
const lastShown = Math.min(COMMENTS, THREADS_PER_PAGE);
if (!html.includes(`Lecteur ${lastShown}<`) || html.includes(`Lecteur ${lastShown + 1}<`)) {
  throw new Error(`the event page does not show its first ${lastShown} comments`);
}

const scripts = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((match) => match[1]);
let scriptBytes = 0;
let scriptGzip = 0;
for (const src of scripts) {
  const body = Buffer.from(await (await fetch(new URL(src, BASE))).arrayBuffer());
  scriptBytes += body.length;
  scriptGzip += gzipSync(body).length;
}
const inlineScripts = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]).join("");

console.log(`\nWarming up ${eventPath}…`);
await load({ url: BASE + eventPath, connections: 8, duration: 5 });
console.log(`Measuring GET ${eventPath} (${CONNECTIONS} connections, ${DURATION} s)…`);
// As a browser asks: French, gzip. Anonymous readers are served from the page cache…
const browserHeaders = { "accept-language": "fr-FR", "accept-encoding": "gzip, deflate, br" };
const pageResult = await load({ url: BASE + eventPath, connections: CONNECTIONS, duration: DURATION, headers: browserHeaders });
// …while a reader with comments awaiting moderation (or a signed-in host) gets a fresh render.
console.log(`Measuring GET ${eventPath} rendered for each request (a reader with held comments)…`);
const renderedResult = await load({
  url: BASE + eventPath,
  connections: CONNECTIONS,
  duration: DURATION,
  headers: { ...browserHeaders, cookie: "debrief_own_comments=none" },
});

console.log(`Measuring POST /api/events/${DEMO_EVENT_SLUG}/comments…`);
let sequence = 0;
const postResult = await load({
  url: `${BASE}/api/events/${DEMO_EVENT_SLUG}/comments`,
  connections: CONNECTIONS,
  duration: DURATION,
  method: "POST",
  headers: { "content-type": "application/json" },
  requests: [
    {
      setupRequest: (request) => {
        sequence += 1;
        // Each request is a distinct reader (address, e-mail, text), so no rate limit applies.
        return {
          ...request,
          headers: { ...request.headers, "x-forwarded-for": `2001:db8::${sequence.toString(16)}` },
          body: JSON.stringify({ authorName: `Bench ${sequence}`, authorEmail: `bench${sequence}@example.org`, body: `Commentaire de charge ${sequence}` }),
        };
      },
    },
  ],
});
stopServer();

const row = (name: string, result: autocannon.Result) =>
  `| ${name} | ${Math.round(result.requests.average)} | ${result.latency.p50} | ${result.latency.p99} | ${result["2xx"]} | ${result.non2xx} |`;
const cpu = os.cpus()[0]?.model ?? "unknown CPU";
console.log(`
## Results (${new Date().toISOString().slice(0, 10)})
Machine: ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${engineLabel(ENGINE)}.
Load: autocannon, ${CONNECTIONS} connections, ${DURATION} s per endpoint, client on the same machine.

| endpoint | req/s | p50 ms | p99 ms | 2xx | non-2xx |
|---|---:|---:|---:|---:|---:|
${row(`GET /events/[slug] (${COMMENTS} comments, first ${lastShown} shown), anonymous: page cache`, pageResult)}
${row(`GET /events/[slug], reader with held comments: rendered each time`, renderedResult)}
${row("POST /api/events/{slug}/comments", postResult)}

Event page: ${Math.round(html.length / 1024)} KiB of HTML (${Math.round(gzipSync(html).length / 1024)} KiB gzipped); ${scripts.length} script files, ${Math.round(scriptBytes / 1024)} KiB, **${Math.round(scriptGzip / 1024)} KiB gzipped**; inline RSC payload ${Math.round(inlineScripts.length / 1024)} KiB.
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

function load(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
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
