import type { Metadata } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientTranslations } from "@/components/ClientTranslations";
import { CommentForm } from "@/components/comments/CommentForm";
import { KeepOwnComments } from "@/components/comments/KeepOwnComments";
import { RecapRequestBox } from "@/components/recaps/RecapRequestBox";
import { OWN_COMMENTS_COOKIE, parseOwnCommentIds } from "@/lib/comments/own-comments";
import { commentThreadHtml } from "@/lib/comments/render-comment-thread";
import { db } from "@/lib/db/client";
import { eventStructuredData, jsonForScript } from "@/lib/events/event-structured-data";
import { getPublishedEvent, type PublishedEvent } from "@/lib/events/get-event";
import { formatEventWhen, formatShortDate } from "@/lib/i18n/format-dates";
import type { Locale } from "@/lib/i18n/locales";
import { renderTopicMarkdown } from "@/lib/markdown/render-markdown";
import { siteSettingsForRequest } from "@/lib/settings/site-settings-for-request";

type PageProps = { params: Promise<{ slug: string }>; searchParams: Promise<{ replyTo?: string; comments?: string }> };

/** The event and its comments, loaded once per request and shared by the metadata and the page. */
const loadEvent = cache(async (slug: string, commentPage: number = 1) => {
  const ownCommentIds = parseOwnCommentIds((await cookies()).get(OWN_COMMENTS_COOKIE)?.value);
  return getPublishedEvent({ db, slug, ownCommentIds, commentPage });
});

/** `?comments=2` → 2; anything else → the first page. */
function commentPageParam(value: string | undefined): number {
  return value && /^\d{1,6}$/.test(value) ? Number(value) : 1;
}

export async function generateMetadata({ params, searchParams }: PageProps): Promise<Metadata> {
  const event = await loadEvent((await params).slug, commentPageParam((await searchParams).comments));
  if (!event) return {};
  const { organisationName } = await siteSettingsForRequest();
  const images = event.coverAssetId ? [`/assets/${event.coverAssetId}`] : undefined;
  return {
    title: event.title,
    description: event.summary,
    twitter: { card: images ? "summary_large_image" : "summary", title: event.title, description: event.summary, ...(images && { images }) },
    // Next.js replaces the layout's openGraph with the page's: the site's name is repeated here.
    openGraph: {
      type: "article",
      siteName: organisationName,
      title: event.title,
      description: event.summary,
      ...(event.coverAssetId && { images: [`/assets/${event.coverAssetId}`] }),
    },
  };
}

export default async function EventPage({ params, searchParams }: PageProps) {
  const [{ slug }, { replyTo, comments: commentsParam }, locale, t] = await Promise.all([
    params,
    searchParams,
    getLocale() as Promise<Locale>,
    getTranslations("event"),
  ]);
  const event = await loadEvent(slug, commentPageParam(commentsParam));
  if (!event) notFound();
  const { page, pageCount } = event.commentPages;
  const pageHref = (target: number) => `/events/${event.slug}${target > 1 ? `?comments=${target}` : ""}#comments`;
  const [tComments, tRecaps, tFeeds, settings] = await Promise.all([
    getTranslations("comments"),
    getTranslations("recaps"),
    getTranslations("feeds"),
    siteSettingsForRequest(),
  ]);
  const replyTarget = replyTo ? findComment(event, replyTo) : undefined;
  const isPast = event.endsAt.getTime() < Date.now();

  return (
    <ClientTranslations scope="event">
      <article className="event" lang={event.language}>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: JSON escaped for a script element by jsonForScript (no </script>, no <!--) */}
        <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(eventStructuredData(event, settings, tRecaps("recapTitle"))) }} />
        <p>
          <Link href="/" lang={locale}>
            ← {t("backToList")}
          </Link>
        </p>
        <header className="event__header">
          {event.coverAssetId && (
            // biome-ignore lint/performance/noImgElement: served by this site, already resized to WebP; decorative, the title follows
            <img src={`/assets/${event.coverAssetId}`} alt="" className="event__cover" width={1600} height={900} />
          )}
          <p className="event__status" lang={locale}>
            {isPast ? t("past") : t("upcoming")}
          </p>
          <h1>{event.title}</h1>
          <p className="event__summary">{event.summary}</p>
          <dl className="event__facts" lang={locale}>
            <div>
              <dt>{t("when")}</dt>
              <dd>
                <time dateTime={event.startsAt.toISOString()}>{formatEventWhen(event.startsAt, event.endsAt, event.timeZone, locale)}</time>
              </dd>
            </div>
            <div>
              <dt>{t("where")}</dt>
              <dd>
                {event.venueName}
                <br />
                {event.venueAddress}
              </dd>
            </div>
            {event.hosts.length > 0 && (
              <div>
                <dt>{t("hosts")}</dt>
                <dd>{new Intl.ListFormat(locale, { type: "conjunction" }).format(event.hosts)}</dd>
              </div>
            )}
          </dl>
          <p className="event__calendar" lang={locale}>
            <a href={`/events/${event.slug}/calendar.ics`} download={`${event.slug}.ics`} type="text/calendar">
              {tFeeds("calendar")}
            </a>
          </p>
        </header>

        {event.recap && (
          <section aria-labelledby="recap-heading" className="recap" id="recap">
            <h2 id="recap-heading" lang={locale}>
              {tRecaps("recapTitle")}
            </h2>
            {event.recap.publishedAt && (
              <p className="muted" lang={locale}>
                {tRecaps("recapPublishedOn", { date: formatShortDate(event.recap.publishedAt, event.timeZone, locale) })}
              </p>
            )}
            {/* biome-ignore lint/security/noDangerouslySetInnerHtml: Markdown rendered by lib/markdown (raw HTML disabled, links checked), tested against the XSS corpus */}
            <div className="prose" dangerouslySetInnerHTML={{ __html: renderTopicMarkdown(event.recap.body) }} />
            {event.recap.links.length > 0 && (
              <ul className="recap__links">
                {event.recap.links.map((link) => (
                  <li key={link.url}>
                    <span className="badge">{tRecaps(`kind${link.kind}`)}</span>{" "}
                    <a href={link.url} rel="noopener">
                      {link.title}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}
        {/* After publication the recap comes first, then the offer to get it by e-mail; before, the topic. */}
        {event.recap && (
          <div lang={locale}>
            <RecapRequestBox event={event} locale={locale} isPast={isPast} />
          </div>
        )}

        <section aria-labelledby="topic-heading" className="event__topic">
          <h2 id="topic-heading" lang={locale}>
            {t("topic")}
          </h2>
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: Markdown rendered by lib/markdown (raw HTML disabled, links checked), tested against the XSS corpus */}
          <div className="prose" dangerouslySetInnerHTML={{ __html: renderTopicMarkdown(event.topic) }} />
        </section>

        {!event.recap && (
          <div lang={locale}>
            <RecapRequestBox event={event} locale={locale} isPast={isPast} />
          </div>
        )}

        <section aria-labelledby="comments-heading" className="comments" lang={locale} id="comments">
          <h2 id="comments-heading">{tComments("title", { count: event.commentCount })}</h2>
          <div
            className="comment-thread"
            // biome-ignore lint/security/noDangerouslySetInnerHtml: built by lib/comments/render-comment-thread (every name escaped, bodies rendered by lib/markdown), tested against the XSS corpus
            dangerouslySetInnerHTML={{
              __html: commentThreadHtml(event.comments, { locale, timeZone: event.timeZone, eventSlug: event.slug, commentPage: page }),
            }}
          />
          <KeepOwnComments />
          {pageCount > 1 && (
            <nav className="pagination" aria-label={tComments("pagesLabel")}>
              {page > 1 ? (
                <Link href={pageHref(page - 1)} rel="prev">
                  {tComments("previousPage")}
                </Link>
              ) : (
                <span />
              )}
              <span aria-current="page">{tComments("pageOf", { page, count: pageCount })}</span>
              {page < pageCount ? (
                <Link href={pageHref(page + 1)} rel="next">
                  {tComments("nextPage")}
                </Link>
              ) : (
                <span />
              )}
            </nav>
          )}
          <CommentForm
            key={replyTarget?.id ?? "new"}
            eventSlug={event.slug}
            recapPublished={event.recap !== null}
            replyTo={replyTarget ? { id: replyTarget.id, authorName: replyTarget.authorName } : undefined}
          />
        </section>
      </article>
    </ClientTranslations>
  );
}

function findComment(event: PublishedEvent, id: string): PublishedEvent["comments"][number] | undefined {
  const stack = [...event.comments];
  while (stack.length) {
    const comment = stack.pop()!;
    if (comment.id === id && comment.status === "APPROVED") return comment;
    stack.push(...comment.replies);
  }
  return undefined;
}
