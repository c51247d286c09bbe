import { get, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { RequestCookies } from "next/dist/server/web/spec-extension/cookies";
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
  const url = new URL(request.url, "http://internal");
  const match = /^\/events\/([a-z0-9-]{1,120})$/.exec(url.pathname);
  if (!match) return null;
  const params = [...url.searchParams.keys()];
  const page = url.searchParams.get("comments");
  if (params.some((name) => name !== "comments") || (page !== null && !/^\d{1,6}$/.test(page))) return null;
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
  let cookies: RequestCookies;
  try {
    cookies = new RequestCookies(new Headers({ cookie: request.headers.cookie ?? "" }));
  } catch {
    return null;
  }
  const localeCookie = cookies.get(LOCALE_COOKIE)?.value;
  const ownCommentsCookie = cookies.get(OWN_COMMENTS_COOKIE)?.value;
  const ownCommentIds = parseOwnCommentIds(ownCommentsCookie);
  // A visitor who states no language this site speaks sees the site's default language, as set in the
  // settings: those pages share the "default" key, and a change of the setting changes the page version.
  const locale = preferredLocale(localeCookie, request.headers["accept-language"] ?? null) ?? "default";
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
    const locale = new RequestCookies(new Headers({ cookie: String(target.headers.cookie ?? "") })).get(LOCALE_COOKIE)?.value;
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

/**
 * Serves the shared event page from memory while the event's content version is unchanged.
 * When it changed (or the copy is too old), one request renders the page through Next.js and keeps
 * the result while the others get the previous copy meanwhile, or, when there is none yet, wait for
 * that render: a page is rendered once however many readers ask for it at the same moment.
 * A reader whose own comments await moderation gets the fresh shared page with them added to its thread
 * (./personal-event-page.ts); while there is none, Next.js renders their page. Returns false when the request
 * is not for the cache (Next.js answers it).
 */
export async function serveCachedEventPage(options: {
  request: IncomingMessage;
  response: ServerResponse;
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
  render: () => void;
}): Promise<boolean> {
  const { request, response, cache } = options;
  const target = cacheableEventPage(request);
  if (!target) return false;
  const version = await options.versions.get(target.slug);
  if (version === null) return false;
  if (target.ownCommentIds.length > 0) {
    const ownPending = await options.ownPendingComments(target.slug, target.ownCommentIds, version);
    if (ownPending.length > 0) return servePersonal(ownPending);
  }

  let kept = cache.get(target.key, version);
  let finishRender = kept?.fresh ? null : cache.startRender(target.key);
  if (!kept?.fresh && !finishRender && !kept) {
    // Another request is rendering the first copy: wait for it rather than render the same page again.
    await Promise.race([cache.renderDone(target.key), new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
    kept = cache.get(target.key, version);
    if (!kept?.fresh) finishRender = cache.startRender(target.key) ?? (() => {});
  }
  if (kept && !finishRender) {
    serve(kept.page, kept.fresh ? "hit" : "stale");
    return true;
  }
  renderAndKeep(finishRender ?? (() => {}));
  return true;

  async function servePersonal(ownPending: PublicComment[]): Promise<boolean> {
    let kept = cache.get(target!.key, version!);
    if (!kept?.fresh && options.renderSharedPage) {
      // No fresh shared page (its version moved on, or it aged out): have it rendered, once, then use it.
      await options.renderSharedPage({ key: target!.key, url: request.url!, headers: request.headers });
      kept = cache.get(target!.key, version!);
    }
    if (!kept?.fresh) return false;
    const base = await cache.derive(target!.key, kept.page, async () => {
      const thread = await options.commentThreadPage(target!.slug, target!.page, target!.locale);
      return thread && personalPageBase(kept.page, thread);
    });
    if (!base) return false;
    serve(await personalPage(base, ownPending), "personal");
    return true;
  }

  function serve(page: CachedPage, state: "hit" | "stale" | "personal") {
    // Every view gets a fresh comment-form token, from the cache too (the body is the same for everyone);
    // pages Next.js renders get theirs from proxy.ts.
    const formCookie = formTokenCookie(target!.slug, new Date(), request.headers["x-forwarded-proto"] === "https");
    response.writeHead(page.status, { ...page.headers, "set-cookie": formCookie, "x-debrief-cache": state });
    response.end(page.body);
  }

  function renderAndKeep(finish: () => void) {
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
      if (!target!.remembersOwnComments) {
        if (response.statusCode === 200 && otherCookies.length === 0) keepRendered();
        // The render for this version failed (a busy database, say) or cannot be shared: the copy of an
        // earlier version is not served any longer, whatever it showed (a comment since rejected…).
        else cache.drop(target!.key);
      }
      finish();
      return end(chunk, encoding, callback);
    }) as typeof response.end;
    response.setHeader("x-debrief-cache", "miss");
    options.render();

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
      cache.set(target!.key, version!, { status: 200, headers, body });
    }
  }
}
