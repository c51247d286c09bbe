import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { forPage, pageActor } from "@/lib/auth/page-access";
import { listModerationQueue } from "@/lib/comments/list-moderation-queue";
import { describeModerationReason } from "@/lib/comments/moderation-notes";
import { db } from "@/lib/db/client";
import type { CommentStatus } from "@/lib/generated/prisma/enums";
import { formatCommentDate } from "@/lib/i18n/format-dates";
import type { Locale } from "@/lib/i18n/locales";
import { knownErrorKey } from "@/lib/i18n/messages";
import { renderCommentMarkdown } from "@/lib/markdown/render-markdown";
import { moderateCommentsAction } from "./actions";

const STATUSES: CommentStatus[] = ["PENDING", "APPROVED", "SPAM", "REJECTED"];

type Props = { searchParams: Promise<{ status?: string; changed?: string; to?: string; error?: string }> };

export default async function ModerationPage({ searchParams }: Props) {
  const params = await searchParams;
  const status = STATUSES.find((candidate) => candidate === params.status) ?? "PENDING";
  const changedTo = STATUSES.find((candidate) => candidate === params.to);
  const [{ comments, countByStatus }, t, tErrors, locale] = await Promise.all([
    forPage(listModerationQueue({ db, actor: await pageActor(), status })),
    getTranslations("dashboard"),
    getTranslations("errors"),
    getLocale() as Promise<Locale>,
  ]);
  const actions: { status: CommentStatus; label: string }[] = [
    { status: "APPROVED", label: t("approve") },
    { status: "REJECTED", label: t("reject") },
    { status: "SPAM", label: t("spam") },
    { status: "PENDING", label: t("restore") },
  ].filter((action) => action.status !== status) as { status: CommentStatus; label: string }[];

  return (
    <>
      <h1>{t("moderation")}</h1>
      <nav className="tabs" aria-label={t("moderation")}>
        {STATUSES.map((candidate) => (
          <Link key={candidate} href={`/dashboard/moderation?status=${candidate}`} aria-current={candidate === status ? "page" : undefined}>
            {t(`status${candidate}`)} ({countByStatus[candidate] ?? 0})
          </Link>
        ))}
      </nav>
      <div role="status" aria-live="polite">
        {params.changed !== undefined && (
          <p className="notice notice--success">
            {changedTo ? t(`changed${changedTo}`, { count: Number(params.changed) || 0 }) : t("changed", { count: Number(params.changed) || 0 })}
          </p>
        )}
        {params.error && <p className="notice notice--error">{tErrors(knownErrorKey(params.error))}</p>}
      </div>
      {comments.length === 0 ? (
        <p className="muted">{t("emptyQueue")}</p>
      ) : (
        <form action={moderateCommentsAction}>
          <input type="hidden" name="view" value={status} />
          <div className="bulk-bar">
            <span>{t("selected")}</span>
            {actions.map((action) => (
              <button key={action.status} type="submit" name="status" value={action.status} className="button button--small">
                {action.label}
              </button>
            ))}
          </div>
          <ol className="comment-list">
            {comments.map((comment) => (
              <li key={comment.id} className="comment">
                <article className="comment__card moderation-item">
                  <input
                    type="checkbox"
                    name="commentIds"
                    value={comment.id}
                    id={`select-${comment.id}`}
                    aria-label={t("select", { name: comment.authorName })}
                  />
                  <div>
                    <header className="comment__meta">
                      <strong>{comment.authorName}</strong> &lt;{comment.authorEmail}&gt;{" "}
                      <span className="muted">
                        {formatCommentDate(comment.createdAt, comment.event.timeZone, locale)} {t("on")}{" "}
                        <Link href={`/events/${comment.event.slug}`}>{comment.event.title}</Link>
                      </span>
                      {comment.asksForRecap && <span className="badge badge--flag">{t("asksForRecap")}</span>}
                      {comment.asksForRecap && comment.recapCues.length > 0 && (
                        <span className="muted moderation-cues">
                          {t("recapCues")}{" "}
                          {comment.recapCues.map((cue, index) => (
                            <span key={cue}>
                              {index > 0 && ", "}
                              <q>{cue}</q>
                            </span>
                          ))}
                        </span>
                      )}
                    </header>
                    {comment.moderationReason && <p className="muted moderation-reason">{describeModerationReason(comment.moderationReason, t)}</p>}
                    {/* biome-ignore lint/security/noDangerouslySetInnerHtml: Markdown rendered by lib/markdown (raw HTML disabled, links checked), tested against the XSS corpus */}
                    <div className="comment__body prose" dangerouslySetInnerHTML={{ __html: renderCommentMarkdown(comment.body) }} />
                    <div className="row-actions">
                      {actions.map((action) => (
                        <button
                          key={action.status}
                          type="submit"
                          name="one"
                          value={`${comment.id}:${action.status}`}
                          className="button button--small button--quiet"
                        >
                          {action.label}
                        </button>
                      ))}
                    </div>
                  </div>
                </article>
              </li>
            ))}
          </ol>
        </form>
      )}
    </>
  );
}
