import { formatCommentDate } from "@/lib/i18n/format-dates";
import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/messages";
import { renderCommentMarkdown } from "@/lib/markdown/render-markdown";
import { escapeHtml } from "@/lib/notifications/templates/render-email";
import type { CommentThread, PublicComment } from "./thread-comments";

/**
 * The comment thread of an event page is HTML built here, not React elements: the same string is the
 * shared page's (inside the page Next.js renders) and, for a reader whose own comments await moderation,
 * the one the page cache puts in its place with their comments added (lib/http/personal-event-page.ts),
 * without rendering the page again. These marks bound it in the page; nothing a reader writes can contain
 * them ("<" in a name or a comment is always escaped).
 */
export const THREAD_START = "<!--debrief:thread-->";
export const THREAD_END = "<!--/debrief:thread-->";

export type ThreadContext = { locale: Locale; timeZone: string; eventSlug: string; commentPage: number };

/** One comment's card: author, host badge, date, moderation state, body, and the reply link once approved. */
export function commentCardHtml(comment: PublicComment, context: ThreadContext): string {
  const t = translatorFor(context.locale, "comments");
  // Addresses are checked when comments are posted or imported; a link that is not http(s) is still never made.
  const author =
    comment.authorUrl && /^https?:\/\//i.test(comment.authorUrl)
      ? `<a href="${escapeHtml(comment.authorUrl)}" rel="nofollow ugc noopener">${escapeHtml(comment.authorName)}</a>`
      : escapeHtml(comment.authorName);
  const pending = comment.status === "PENDING";
  const pageQuery = context.commentPage > 1 ? `comments=${context.commentPage}&` : "";
  return [
    `<article class="comment__card${pending ? " comment__card--pending" : ""}">`,
    `<header class="comment__meta"><strong class="comment__author">${author}</strong>`,
    comment.byHost ? `<span class="badge badge--host">${escapeHtml(t("hostBadge"))}</span>` : "",
    ` <time datetime="${comment.createdAt.toISOString()}" class="muted">${escapeHtml(t("postedOn", { date: formatCommentDate(comment.createdAt, context.timeZone, context.locale) }))}</time>`,
    pending ? `<span class="badge">${escapeHtml(t("awaitingModeration"))}</span>` : "",
    "</header>",
    // Markdown rendered by lib/markdown (raw HTML disabled, links checked), tested against the XSS corpus.
    `<div class="comment__body prose">${renderCommentMarkdown(comment.body)}</div>`,
    comment.status === "APPROVED"
      ? `<a class="comment__reply" href="${escapeHtml(`/events/${context.eventSlug}?${pageQuery}replyTo=${comment.id}#comment-form`)}">${escapeHtml(t("reply"))}</a>`
      : "",
    "</article>",
  ].join("");
}

/**
 * The thread between its marks: nested lists of cards, or the sentence saying there is no comment yet.
 * `card` gives a comment's card; the page cache passes the cards it kept for this version of the page.
 */
export function commentThreadHtml(
  threads: CommentThread[],
  context: ThreadContext,
  card: (comment: PublicComment) => string = (comment) => commentCardHtml(comment, context),
): string {
  if (threads.length === 0) return `${THREAD_START}<p class="muted">${escapeHtml(translatorFor(context.locale, "comments")("none"))}</p>${THREAD_END}`;
  const list = (comments: CommentThread[], depth: number): string =>
    `<ol class="${depth === 0 ? "comment-list" : "comment-list comment-list--replies"}">${comments
      .map(
        (comment) =>
          `<li id="comment-${escapeHtml(comment.id)}" class="comment">${card(comment)}${comment.replies.length > 0 ? list(comment.replies, depth + 1) : ""}</li>`,
      )
      .join("")}</ol>`;
  return `${THREAD_START}${list(threads, 0)}${THREAD_END}`;
}
