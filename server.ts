// Production HTTP server: Next.js behind a thin layer that establishes the client's address, answers the JSON
// API's comment POST itself (the busiest write: lib/http/comment-api.ts, the route's own code) and
// serves the shared event pages (what every reader and host sees; for a reader with comments awaiting
// moderation, that page with theirs added) from a cache that any instance's change invalidates
// (docs/decisions/007-page-cache.md).
// Next.js trusts any X-Forwarded-For a client sends; here it is replaced by the socket's address, or,
// behind TRUST_PROXY_HOPS reverse proxies, by the address the outermost trusted proxy saw (the entry
// TRUST_PROXY_HOPS places from the end of the chain).
import http from "node:http";
import type { AddressInfo } from "node:net";
import next from "next";
import { getCommentThreadPage } from "@/lib/comments/get-comment-thread-page";
import { listOwnPendingComments } from "@/lib/comments/list-own-pending-comments";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { isPublicPagePath, withoutClientRuntime } from "@/lib/http/client-runtime";
import { type EventPageCacheContext, requestSharedPage, serveCachedEventPage } from "@/lib/http/cached-event-page";
import { applyScriptHashPolicy } from "@/lib/http/content-security-policy";
import { PageCache } from "@/lib/http/page-cache";
import { OwnPendingAnswers } from "@/lib/http/own-pending-answers";
import { PageVersions } from "@/lib/http/page-versions";
import { getEventPageVersion } from "@/lib/events/get-event-page-version";
import { refusalPage, refuseBeforeNext } from "@/lib/http/request-guards";
import { answerCommentPost } from "@/lib/http/comment-api";
import { errorAnswer, type JsonAnswer } from "@/lib/http/json-answer";
import { nodeBody, nodeHeaders } from "@/lib/http/node-json-request";
import { contentSecurityPolicy, SITE_HEADERS } from "@/lib/http/security-headers";

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

/** Has Next.js answer the request. */
function render(request: http.IncomingMessage, response: http.ServerResponse) {
  // Public pages go without Next.js's client runtime, also as the answer to a form posted from one of them.
  if ((request.method === "GET" || request.method === "POST") && isPublicPagePath(request.url)) applyScriptHashPolicy(response, withoutClientRuntime);
  // The recap box other sites frame sends its own policy (frame-ancestors from the settings).
  else if (request.method === "GET" && !request.url?.startsWith("/embed/events/")) applyScriptHashPolicy(response);
  void handle(request, response);
}

// Which comments of a reader await moderation, per page version (a reload costs no query): at most 5 s old.
const ownPending = new OwnPendingAnswers({
  read: (slug, ownCommentIds) => listOwnPendingComments({ db, event: { slug }, ownCommentIds }),
  maxAgeMs: 5_000,
  maxEntries: 1_000,
});

/** The cache is an optimisation: when it fails, the page is rendered as usual. */
function pageCacheFailed(error: unknown, request: http.IncomingMessage, response: http.ServerResponse) {
  console.error("Page cache:", error);
  if (!response.headersSent) render(request, response);
  // Half an answer cannot be finished: the connection is closed rather than left hanging.
  else if (!response.writableEnded) response.destroy();
}

const pageCache: EventPageCacheContext | null =
  env.PAGE_CACHE_MB > 0
    ? {
        cache: new PageCache({ maxBytes: env.PAGE_CACHE_MB * 2 ** 20, ttlMs: 60_000 }),
        // Each page's version is checked against the database at most every 250 ms: a change made on another
        // instance (or by the worker) shows within that, one made here at once (docs/decisions/007-page-cache.md).
        versions: new PageVersions({ maxAgeMs: 250, read: (slug) => getEventPageVersion({ db, slug }) }),
        ownPendingComments: (slug, ownCommentIds, version) => ownPending.get(slug, ownCommentIds, version),
        commentThreadPage: (slug, requestedPage, locale) => getCommentThreadPage({ db, slug, requestedPage, locale }),
        renderSharedPage: (target) => requestSharedPage(server.address() as AddressInfo, target),
        render,
      }
    : null;

/** The JSON API's comment POST, whose slug is answered here rather than by Next.js's route (same code: lib/http/comment-api.ts). */
function commentApiSlug(method: string | undefined, url: string | undefined): string | null {
  if (method !== "POST" || !url) return null;
  const encoded = /^\/api\/events\/([^/?#]+)\/comments(?:\?.*)?$/.exec(url)?.[1];
  if (!encoded) return null;
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null; // refuseBeforeNext has already answered such a path; should it not, Next.js answers it.
  }
}

const API_HEADERS = { ...SITE_HEADERS, "Content-Security-Policy": contentSecurityPolicy([]), "Content-Type": "application/json" };

/** Answers the JSON API's comment POST as its route would, without Next.js's routing (docs/PERFORMANCE.md). */
function answerCommentApi(request: http.IncomingMessage, response: http.ServerResponse, slug: string) {
  const headers = nodeHeaders(request.headers);
  answerCommentPost({ db, slug, headers, readBody: nodeBody(request), siteOrigin: env.SITE_URL })
    .then((answer) => writeJsonAnswer(response, answer))
    // answerCommentPost answers every error itself; this is for a failure in writing that answer.
    .catch((error: unknown) => {
      if (response.headersSent) response.destroy();
      else writeJsonAnswer(response, errorAnswer(error, headers.get("accept-language")));
    });
}

function writeJsonAnswer(response: http.ServerResponse, answer: JsonAnswer) {
  const body = JSON.stringify(answer.body);
  response.writeHead(answer.status, { ...API_HEADERS, ...answer.headers, "Content-Length": Buffer.byteLength(body) });
  response.end(body);
}

/** The scheme the visitor used: the trusted proxy's X-Forwarded-Proto, else plain http (this server has no TLS). */
export function clientProtocol(forwardedProto: string | string[] | undefined, hops: number): "http" | "https" {
  if (hops <= 0 || !forwardedProto) return "http";
  const last = String(forwardedProto).split(",").at(-1)?.trim().toLowerCase();
  return last === "https" ? "https" : "http";
}

const server = http.createServer((request, response) => {
  request.headers["x-forwarded-for"] = clientAddress(request.headers["x-forwarded-for"], request.socket.remoteAddress, trustedHops);
  request.headers["x-forwarded-proto"] = clientProtocol(request.headers["x-forwarded-proto"], trustedHops);
  // The path asked for, so the dashboard can send a signed-out host back to it after signing in
  // (layouts do not see the URL). Always set here, never taken from the client.
  request.headers["x-debrief-path"] = request.url ?? "/";
  // Over https, browsers are told to come back only over https.
  if (request.headers["x-forwarded-proto"] === "https") response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  const refusal = refuseBeforeNext(request);
  if (refusal) {
    response.writeHead(refusal.status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    response.end(refusalPage(refusal, request.headers["accept-language"]));
    return;
  }
  const commentSlug = commentApiSlug(request.method, request.url);
  if (commentSlug !== null) {
    answerCommentApi(request, response, commentSlug);
    return;
  }
  let served: boolean | Promise<boolean>;
  try {
    served = pageCache ? serveCachedEventPage(request, response, pageCache) : false;
  } catch (error) {
    served = Promise.reject(error);
  }
  if (served === false) render(request, response);
  else if (served !== true)
    served.then(
      (done) => done || render(request, response),
      (error) => pageCacheFailed(error, request, response),
    );
});
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () => {
  console.log(`Debrief is ready on http://localhost:${port}`);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
