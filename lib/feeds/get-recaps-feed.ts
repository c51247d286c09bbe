import type { Database } from "@/lib/db/client";
import { translatorFor } from "@/lib/i18n/messages";
import { renderTopicMarkdown } from "@/lib/markdown/render-markdown";
import { markdownExcerpt } from "@/lib/markdown/render-email-markdown";
import { getSiteSettings } from "@/lib/settings/site-settings";
import { escapeHtml } from "@/lib/notifications/templates/render-email";
import { buildAtomFeed, FEED_ENTRIES } from "./atom";

/** `/feeds/recaps.atom`: each published recap, with its links, newest first — Martin's answer in his feed reader. */
export async function getRecapsFeed(options: { db: Database }): Promise<string> {
  const { db } = options;
  const [settings, recaps] = await Promise.all([
    getSiteSettings(db),
    db.recap.findMany({
      where: { status: "PUBLISHED", event: { status: "PUBLISHED" } },
      orderBy: { publishedAt: "desc" },
      take: FEED_ENTRIES,
      select: {
        id: true,
        body: true,
        publishedAt: true,
        updatedAt: true,
        event: { select: { slug: true, title: true } },
        links: { orderBy: { position: "asc" }, select: { kind: true, title: true, url: true } },
      },
    }),
  ]);
  const t = translatorFor(settings.defaultLocale, "feeds");
  const tRecaps = translatorFor(settings.defaultLocale, "recaps");
  return buildAtomFeed(settings, {
    path: "/feeds/recaps.atom",
    title: t("recapsTitle", { organisation: settings.organisationName }),
    entries: recaps.map((recap) => {
      const link = `${settings.publicUrl}/events/${recap.event.slug}#recap`;
      const links = recap.links.length
        ? `<ul>${recap.links.map((item) => `<li>${escapeHtml(tRecaps(`kind${item.kind}`))} : <a href="${escapeHtml(item.url)}">${escapeHtml(item.title)}</a></li>`).join("")}</ul>`
        : "";
      return {
        id: `${settings.publicUrl}/events/${recap.event.slug}#recap-${recap.id}`,
        title: t("recapEntryTitle", { event: recap.event.title }),
        link,
        summary: markdownExcerpt(recap.body, 300).text,
        contentHtml: renderTopicMarkdown(recap.body) + links,
        published: recap.publishedAt ?? recap.updatedAt,
        updated: recap.updatedAt,
      };
    }),
  });
}
