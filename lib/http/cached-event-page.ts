import { get, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { parseCookie } from "next/dist/compiled/@edge-runtime/cookies";
import { FORM_TOKEN_COOKIE, formTokenCookie } from "@/lib/comments/form-token";
import type { CommentThreadPage } from "@/lib/comments/get-comment-thread-page";
import { OWN_COMMENTS_COOKIE, parseOwnCommentIds } from "@/lib/comments/own-comments";
import type { PublicComment } from "@/lib/comments/thread-comments";
import { type Locale, LOCALE_COOKIE, preferredLocale } from "@/lib/i18n/locales";
import type { CachedPage, PageCache } from "./page-cache";
import type { PageVersions } from "./page-versions";
import { personalPage, personalPageBase } from "./personal-event-page";

const PER_REQUEST_HEADERS = new Set(["date", "connection", "keep-alive", "transfer-encoding", "set-cookie", "strict-transport-security", "x-debrief-cache"]);

/** Requests for an event page that every reader in one language sees alike (and which comments of theirs the page may add). */
export function cacheableEventPage(request: IncomingMessage): {
  slug: string;
  page: number;
  locale: Locale | "default";
  key: string;
  ownCommentIds: string[];
  remembersOwnComments: boolean;
} | null {
  if (request.method !== "GET" || !request.url) return null;
  // The path is matched as sent: one with anything but the slug's characters (dots, escapes…) is Next.js's.
  const queryAt = request.url.indexOf("?");
  const match = /^\/events\/([a-z0-9-]{1,120})$/.exec(queryAt < 0 ? request.url : request.url.slice(0, queryAt));
  if (!match) return null;
  let page: string | null = null;
  if (queryAt >= 0) {
    const query = new URLSearchParams(request.url.slice(queryAt + 1));
    page = query.get("comments");
    // Only `comments`, once: the page reads a repeated one as no page number (page 1), which must not be kept as page 2.
    const names = [...query.keys()];
    if (names.length > 1 || names.some((name) => name !== "comments") || (page !== null && !/^\d{1,6}$/.test(page))) return null;
  }
  // Client-side navigations, prefetches and form posts get Next's own answers.
  for (const header of ["rsc", "next-router-prefetch", "next-router-segment-prefetch", "next-router-state-tree", "next-action", "authorization"]) {
    if (request.headers[header] !== undefined) return null;
  }
  // The page reads two cookies: the language (part of the key) and the reader's own comments (while one
  // of them awaits moderation, their own page, not cached). Any other cookie changes nothing on the page, so it does not stop the
  // cache: a load balancer's, or a signed-in host's session — public pages read no session, a host sees
  // what every reader sees and moderates from the dashboard (docs/decisions/007-page-cache.md).
  // They are read with the parser Next.js's cookies() uses (split, first "=", percent-decoding), so the
  // cache never sees other values than the page it stores: an id written %63… is an id for both.
  const cookies = request.headers.cookie ? parseCookie(request.headers.cookie) : null;
  const localeCookie = cookies?.get(LOCALE_COOKIE);
  const ownCommentsCookie = cookies?.get(OWN_COMMENTS_COOKIE);
  const ownCommentIds = parseOwnCommentIds(ownCommentsCookie);
  // A visitor who states no language this site speaks sees the site's default language, as set in the
  // settings: those pages share the "default" key, and a change of the setting changes the page version.
  const locale = pageLocale(localeCookie, request.headers["accept-language"]);
  const encoding = String(request.headers["accept-encoding"] ?? "");
  return {
    slug: match[1],
    page: Number(page ?? 1),
    locale,
    key: [match[1], page ?? "1", locale, encoding].join("|"),
    ownCommentIds,
    remembersOwnComments: Boolean(ownCommentsCookie),
  };
}

const localeAnswers = new Map<string, Locale | "default">();

/** The language of the page a visitor gets (remembered per cookie and Accept-Language: browsers send few different ones). */
function pageLocale(localeCookie: string | undefined, acceptLanguage: string | undefined): Locale | "default" {
  const question = `${localeCookie ?? ""}\n${acceptLanguage ?? ""}`;
  let locale = localeAnswers.get(question);
  if (locale === undefined) {
    locale = preferredLocale(localeCookie, acceptLanguage ?? null) ?? "default";
    // Bounded: a client sending a new header each time only makes the answers be worked out again.
    if (localeAnswers.size >= 1_000) localeAnswers.clear();
    localeAnswers.set(question, locale);
  }
  return locale;
}

export type SharedPageTarget = { key: string; url: string; headers: IncomingMessage["headers"] };

const sharedRenders = new Map<string, Promise<void>>();

/**
 * Asks this server (listening at `listening`) for the page of `target` as an anonymous reader in the same language
 * with the same encodings would, so that it is rendered and kept as theirs would be; one request per page at a
 * time, however many readers with held comments wait for it. Resolves when the answer is over, or after 10 s.
 */
export function requestSharedPage(listening: AddressInfo, target: SharedPageTarget): Promise<void> {
  let pending = sharedRenders.get(target.key);
  if (!pending) {
    const locale = parseCookie(String(target.headers.cookie ?? "")).get(LOCALE_COOKIE);
    const headers: Record<string, string> = { "x-forwarded-for": "127.0.0.1" };
    for (const name of ["host", "accept-encoding", "accept-language", "user-agent"]) {
      const value = target.headers[name];
      if (typeof value === "string") headers[name] = value;
    }
    if (locale) headers.cookie = `${LOCALE_COOKIE}=${encodeURIComponent(locale)}`;
    pending = new Promise<void>((resolve) => {
      // Listening on every address: asked on the loopback one.
      const host = listening.address === "0.0.0.0" ? "127.0.0.1" : listening.address === "::" ? "::1" : listening.address;
      const loopback = get({ host, port: listening.port, path: target.url, headers, timeout: 10_000 }, (response) => {
        response.resume();
        response.on("close", resolve);
      });
      loopback.on("timeout", () => loopback.destroy());
      loopback.on("error", () => resolve());
      loopback.on("close", () => resolve());
    }).finally(() => sharedRenders.delete(target.key));
    sharedRenders.set(target.key, pending);
  }
  return pending;
}

/** What the page cache needs from the server around it: the same for every request. */
export type EventPageCacheContext = {
  cache: PageCache;
  versions: PageVersions;
  /** This reader's comments awaiting moderation on the event, at this page version (while there is one, the page is theirs alone). */
  ownPendingComments: (eventSlug: string, ownCommentIds: string[], version: string) => Promise<PublicComment[]>;
  /**
   * Has the shared page of this request rendered and kept (an anonymous request to this server, see
   * {@link requestSharedPage}), resolving once it is: a reader with held comments then gets it completed.
   */
  renderSharedPage?: (target: SharedPageTarget) => Promise<void>;
  /** The approved comments of a page of the event's thread, and how they are shown. */
  commentThreadPage: (eventSlug: string, requestedPage: number, locale: Locale | "default") => Promise<CommentThreadPage | null>;
  /** Has Next.js answer the request. */
  render: (request: IncomingMessage, response: ServerResponse) => void;
};

type Target = NonNullable<ReturnType<typeof cacheableEventPage>>;

/**
 * Serves the shared event page from memory while the event's content version is unchanged.
 * When it changed (or the copy is too old), one request renders the page through Next.js and keeps
 * the result while the others get the previous copy meanwhile, or, when there is none yet, wait for
 * that render: a page is rendered once however many readers ask for it at the same moment.
 * A reader whose own comments await moderation gets the fresh shared page with them added to its thread
 * (./personal-event-page.ts); while there is none, Next.js renders their page. Returns false when the request
 * is not for the cache (Next.js answers it).
 *
 * A fresh copy, for a reader with no comment of theirs to check, is served at once (true, not a promise): the path
 * every anonymous reader takes creates no promise and no closure.
 */
export function serveCachedEventPage(request: IncomingMessage, response: ServerResponse, context: EventPageCacheContext): boolean | Promise<boolean> {
  const target = cacheableEventPage(request);
  if (!target) return false;
  const version = context.versions.peek(target.slug);
  if (version && target.ownCommentIds.length === 0) {
    const kept = context.cache.get(target.key, version);
    if (kept?.fresh) {
      servePage(request, response, target.slug, kept.page, "hit");
      return true;
    }
  }
  return serveAfterChecks(request, response, context, target, version);
}

async function serveAfterChecks(
  request: IncomingMessage,
  response: ServerResponse,
  context: EventPageCacheContext,
  target: Target,
  knownVersion: string | null | undefined,
): Promise<boolean> {
  const version = knownVersion === undefined ? await context.versions.get(target.slug) : knownVersion;
  if (version === null) return false;
  if (target.ownCommentIds.length > 0) {
    const ownPending = await context.ownPendingComments(target.slug, target.ownCommentIds, version);
    if (ownPending.length > 0) return servePersonal(request, response, context, target, version, ownPending);
  }
  return serveShared(request, response, context, target, version);
}

async function serveShared(
  request: IncomingMessage,
  response: ServerResponse,
  context: EventPageCacheContext,
  target: Target,
  version: string,
): Promise<boolean> {
  const { cache } = context;
  let kept = cache.get(target.key, version);
  let finishRender = kept?.fresh ? null : cache.startRender(target.key);
  if (!kept?.fresh && !finishRender && !kept) {
    // Another request is rendering the first copy: wait for it rather than render the same page again.
    await Promise.race([cache.renderDone(target.key), new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
    kept = cache.get(target.key, version);
    if (!kept?.fresh) finishRender = cache.startRender(target.key) ?? (() => {});
  }
  if (kept && !finishRender) {
    servePage(request, response, target.slug, kept.page, kept.fresh ? "hit" : "stale");
    return true;
  }
  renderAndKeep(request, response, context, target, version, finishRender ?? (() => {}));
  return true;
}

async function servePersonal(
  request: IncomingMessage,
  response: ServerResponse,
  context: EventPageCacheContext,
  target: Target,
  version: string,
  ownPending: PublicComment[],
): Promise<boolean> {
  const { cache } = context;
  let kept = cache.get(target.key, version);
  if (!kept?.fresh && context.renderSharedPage) {
    // No fresh shared page (its version moved on, or it aged out): have it rendered, once, then use it.
    await context.renderSharedPage({ key: target.key, url: request.url!, headers: request.headers });
    kept = cache.get(target.key, version);
  }
  if (!kept?.fresh) return false;
  const shared = kept.page;
  const base = await cache.derive(target.key, shared, async () => {
    const thread = await context.commentThreadPage(target.slug, target.page, target.locale);
    return thread && personalPageBase(shared, thread);
  });
  if (!base) return false;
  servePage(request, response, target.slug, await personalPage(base, ownPending), "personal");
  return true;
}

/**
 * The headers of a kept page as the flat list `writeHead` takes, made once per page. A header given as a list is
 * joined with ", " — right for every header a kept page has: Set-Cookie, the one that must not be, is never kept
 * (PER_REQUEST_HEADERS).
 */
const flatHeaders = new WeakMap<CachedPage, string[]>();

function servePage(request: IncomingMessage, response: ServerResponse, slug: string, page: CachedPage, state: "hit" | "stale" | "personal") {
  let headers = flatHeaders.get(page);
  if (!headers) {
    headers = Object.entries(page.headers).flatMap(([name, value]) => [name, Array.isArray(value) ? value.join(", ") : value]);
    flatHeaders.set(page, headers);
  }
  // Every view gets a fresh comment-form token, from the cache too (the body is the same for everyone);
  // pages Next.js renders get theirs from proxy.ts.
  const formCookie = formTokenCookie(slug, Date.now(), request.headers["x-forwarded-proto"] === "https");
  response.writeHead(page.status, [...headers, "set-cookie", formCookie, "x-debrief-cache", state]);
  response.end(page.body);
}

function renderAndKeep(
  request: IncomingMessage,
  response: ServerResponse,
  context: EventPageCacheContext,
  target: Target,
  version: string,
  finish: () => void,
) {
  const { cache } = context;
  response.once("close", finish);
  const chunks: Buffer[] = [];
  const write = response.write.bind(response) as (...args: unknown[]) => boolean;
  const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
  const keep = (chunk: unknown, encoding: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === "function") return;
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"));
  };
  response.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
    keep(chunk, encoding);
    return write(chunk, encoding, callback);
  }) as typeof response.write;
  response.end = ((chunk?: unknown, encoding?: unknown, callback?: unknown) => {
    keep(chunk, encoding);
    // The form token cookie is per view and not kept; a page that sets any other cookie is not cached,
    // nor one rendered for a reader who remembers comments of theirs: one of them may have gone back to
    // awaiting moderation since it was checked, and would then be on the page.
    const cookies = [response.getHeader("set-cookie") ?? []].flat().map(String);
    const otherCookies = cookies.filter((cookie) => !cookie.startsWith(`${FORM_TOKEN_COOKIE}=`));
    if (!target.remembersOwnComments) {
      if (response.statusCode === 200 && otherCookies.length === 0) keepRendered();
      // The render for this version failed (a busy database, say) or cannot be shared: the copy of an
      // earlier version is not served any longer, whatever it showed (a comment since rejected…).
      else cache.drop(target.key);
    }
    finish();
    return end(chunk, encoding, callback);
  }) as typeof response.end;
  response.setHeader("x-debrief-cache", "miss");
  context.render(request, response);

  function keepRendered() {
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(response.getHeaders())) {
      // Per-request headers are not kept: each response sets its own (HSTS only over https, the form cookie).
      if (value !== undefined && !PER_REQUEST_HEADERS.has(name)) {
        headers[name] = Array.isArray(value) ? value : String(value);
      }
    }
    const body = Buffer.concat(chunks);
    headers["content-length"] = String(body.length);
    cache.set(target.key, version, { status: 200, headers, body });
  }
}
