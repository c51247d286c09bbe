import type { CommentThreadPage } from "@/lib/comments/get-comment-thread-page";
import { commentCardHtml, commentThreadHtml, THREAD_END, THREAD_START } from "@/lib/comments/render-comment-thread";
import { threadComments, withOwnPendingComments, type PublicComment } from "@/lib/comments/thread-comments";
import { decodeBody, encodeBody, type GzipFrame, gzipFrame, gzipFrameBytes, gzipWithin } from "./content-encoding";
import type { CachedPage } from "./page-cache";

/**
 * The shared page of an event taken apart around its comment thread, with the cards of that thread's
 * comments: what the page of a reader whose own comments await moderation is made from.
 */
export type PersonalPageBase = {
  page: CachedPage;
  before: string;
  after: string;
  /** For a gzip page (what browsers get): the parts around the thread, compressed once. */
  gzip: GzipFrame | null;
  thread: CommentThreadPage;
  cards: Map<string, string>;
};

/**
 * Takes the shared page apart around its thread (null when it does not hold exactly one, or not the thread these
 * comments make, and then the reader's page is rendered by Next.js as before). Built once per kept page (PageCache.derive); `bytes` is what it holds.
 */
export function personalPageBase(page: CachedPage, thread: CommentThreadPage): { value: PersonalPageBase; bytes: number } | null {
  const html = decodeBody(page.body, headerValue(page, "content-encoding"));
  const start = html.indexOf(THREAD_START);
  const end = html.indexOf(THREAD_END);
  if (start < 0 || end < start || html.indexOf(THREAD_START, start + 1) >= 0 || html.indexOf(THREAD_END, end + 1) >= 0) return null;
  const cards = new Map(thread.approved.map((comment) => [comment.id, commentCardHtml(comment, thread.context)]));
  // The comments were read after the page was rendered: if one changed in between, the page's own thread tells.
  // Then readers with held comments get their page from Next.js until the page is rendered again.
  const shared = commentThreadHtml(threadComments(thread.approved), thread.context, (comment) => cards.get(comment.id)!);
  if (html.slice(start, end + THREAD_END.length) !== shared) return null;
  const before = html.slice(0, start);
  const after = html.slice(end + THREAD_END.length);
  const gzip = headerValue(page, "content-encoding")?.toLowerCase() === "gzip" ? gzipFrame(before, after) : null;
  let cardChars = 0;
  for (const card of cards.values()) cardChars += card.length;
  // JavaScript strings take up to two bytes a character.
  return {
    value: { page, before, after, gzip, thread, cards },
    bytes: 2 * (before.length + after.length + cardChars) + (gzip ? gzipFrameBytes(gzip) : 0),
  };
}

/**
 * The shared page with the reader's own comments awaiting moderation in its thread, where the page Next.js
 * renders for them would put them (withOwnPendingComments), compressed as the shared page is.
 */
export async function personalPage(base: PersonalPageBase, ownPending: PublicComment[]): Promise<CachedPage> {
  const { thread } = base;
  const comments = threadComments(withOwnPendingComments(thread.approved, ownPending, { lastPage: thread.lastPage }));
  const threadHtml = commentThreadHtml(comments, thread.context, (comment) => base.cards.get(comment.id) ?? commentCardHtml(comment, thread.context));
  const body = base.gzip
    ? await gzipWithin(base.gzip, threadHtml)
    : await encodeBody(base.before + threadHtml + base.after, headerValue(base.page, "content-encoding"));
  const headers: CachedPage["headers"] = { ...base.page.headers, "content-length": String(body.length) };
  delete headers.etag;
  return { status: base.page.status, headers, body };
}

function headerValue(page: CachedPage, name: string): string | undefined {
  const value = page.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
