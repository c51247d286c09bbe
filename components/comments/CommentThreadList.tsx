import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { CommentThread } from "@/lib/comments/thread-comments";
import { formatCommentDate } from "@/lib/i18n/format-dates";
import type { Locale } from "@/lib/i18n/locales";
import { renderCommentMarkdown } from "@/lib/markdown/render-markdown";

type Props = { comments: CommentThread[]; timeZone: string; locale: Locale; eventSlug: string; commentPage: number };

export async function CommentThreadList({ comments, timeZone, locale, eventSlug, commentPage }: Props) {
  const pageQuery = commentPage > 1 ? `comments=${commentPage}&` : "";
  const t = await getTranslations("comments");
  const renderList = (list: CommentThread[], depth: number): React.ReactNode => (
    <ol className={depth === 0 ? "comment-list" : "comment-list comment-list--replies"}>
      {list.map((comment) => (
        <li key={comment.id} id={`comment-${comment.id}`} className="comment">
          <article className={comment.status === "PENDING" ? "comment__card comment__card--pending" : "comment__card"}>
            <header className="comment__meta">
              <strong className="comment__author">
                {comment.authorUrl ? (
                  <a href={comment.authorUrl} rel="nofollow ugc noopener">
                    {comment.authorName}
                  </a>
                ) : (
                  comment.authorName
                )}
              </strong>
              {comment.byHost && <span className="badge badge--host">{t("hostBadge")}</span>}{" "}
              <time dateTime={comment.createdAt.toISOString()} className="muted">
                {t("postedOn", { date: formatCommentDate(comment.createdAt, timeZone, locale) })}
              </time>
              {comment.status === "PENDING" && <span className="badge">{t("awaitingModeration")}</span>}
            </header>
            {/* biome-ignore lint/security/noDangerouslySetInnerHtml: Markdown rendered by lib/markdown (raw HTML disabled, links checked), tested against the XSS corpus */}
            <div className="comment__body prose" dangerouslySetInnerHTML={{ __html: renderCommentMarkdown(comment.body) }} />
            {comment.status === "APPROVED" && (
              <Link className="comment__reply" href={`/events/${eventSlug}?${pageQuery}replyTo=${comment.id}#comment-form`} scroll={false}>
                {t("reply")}
              </Link>
            )}
          </article>
          {comment.replies.length > 0 && renderList(comment.replies, depth + 1)}
        </li>
      ))}
    </ol>
  );
  return renderList(comments, 0);
}
