import type { Database } from "@/lib/db/client";
import { formatEventWhen } from "@/lib/i18n/format-dates";
import { translatorFor } from "@/lib/i18n/messages";
import { renderTopicMarkdown } from "@/lib/markdown/render-markdown";
import { escapeHtml } from "@/lib/notifications/templates/render-email";
import { getSiteSettings } from "@/lib/settings/site-settings";
import { buildAtomFeed, FEED_ENTRIES } from "./atom";

/** `/feeds/events.atom`: the events as they are announced, newest announcement first, in the site's language. */
export async function getEventsFeed(options: { db: Database }): Promise<string> {
  const { db } = options;
  const [settings, events] = await Promise.all([
    getSiteSettings(db),
    db.event.findMany({
      where: { status: "PUBLISHED" },
      orderBy: [{ firstPublishedAt: "desc" }, { createdAt: "desc" }],
      take: FEED_ENTRIES,
      select: {
        id: true,
        slug: true,
        title: true,
        summary: true,
        topic: true,
        startsAt: true,
        endsAt: true,
        timeZone: true,
        venueName: true,
        firstPublishedAt: true,
        createdAt: true,
        updatedAt: true,
      },
    }),
  ]);
  const t = translatorFor(settings.defaultLocale, "feeds");
  return buildAtomFeed(settings, {
    path: "/feeds/events.atom",
    title: t("eventsTitle", { organisation: settings.organisationName }),
    entries: events.map((event) => {
      const link = `${settings.publicUrl}/events/${event.slug}`;
      const when = formatEventWhen(event.startsAt, event.endsAt, event.timeZone, settings.defaultLocale);
      const summary = `${when} — ${event.venueName}. ${event.summary}`;
      return {
        id: link,
        title: event.title,
        link,
        summary,
        contentHtml: `<p>${escapeHtml(summary)}</p>${renderTopicMarkdown(event.topic)}`,
        published: event.firstPublishedAt ?? event.createdAt,
        updated: event.updatedAt,
      };
    }),
  });
}
