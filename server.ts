// Production HTTP server: Next.js behind a thin layer that establishes the client's address and
// serves anonymous readers' event pages from a cache that any instance's change invalidates.
// Next.js trusts any X-Forwarded-For a client sends; here it is replaced by the socket's address,
// or, behind TRUST_PROXY_HOPS reverse proxies, by the address the nearest trusted proxy saw.
import http from "node:http";
import next from "next";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { serveCachedEventPage } from "@/lib/http/cached-event-page";
import { PageCache } from "@/lib/http/page-cache";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "0.0.0.0";
const trustedHops = Number(process.env.TRUST_PROXY_HOPS ?? 0);

export function clientAddress(forwardedFor: string | string[] | undefined, socketAddress: string | undefined, hops: number): string {
  if (hops <= 0 || !forwardedFor) return socketAddress ?? "unknown";
  const chain = String(forwardedFor)
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  // Each trusted proxy appended the address it saw; the client is `hops` entries from the end.
  return chain[Math.max(0, chain.length - hops)] ?? socketAddress ?? "unknown";
}

const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const cache = env.PAGE_CACHE_MB > 0 ? new PageCache({ maxBytes: env.PAGE_CACHE_MB * 2 ** 20, ttlMs: 60_000 }) : null;

const server = http.createServer(async (request, response) => {
  request.headers["x-forwarded-for"] = clientAddress(request.headers["x-forwarded-for"], request.socket.remoteAddress, trustedHops);
  // The path asked for, so the dashboard can send a signed-out host back to it after signing in
  // (layouts do not see the URL). Always set here, never taken from the client.
  request.headers["x-debrief-path"] = request.url ?? "/";
  const render = () => void handle(request, response);
  if (cache) {
    try {
      if (await serveCachedEventPage({ request, response, cache, db, defaultLocale: env.DEFAULT_LOCALE, render })) return;
    } catch (error) {
      // The cache is an optimisation: when it fails, the page is rendered as usual.
      console.error("Page cache:", error);
      if (response.headersSent) return;
    }
  }
  render();
});
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () => {
  console.log(`Debrief is ready on http://localhost:${port}`);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
