import { Feed } from "feed";
import { escapeHtml } from "@/lib/notifications/templates/render-email";
import type { SiteSettings } from "@/lib/settings/site-settings";

export type FeedEntry = { id: string; title: string; link: string; summary: string; contentHtml: string; published: Date; updated: Date };

/** An Atom 1.0 feed (RFC 4287) of the site, in its language, linking to itself. */
export function buildAtomFeed(
  settings: Pick<SiteSettings, "organisationName" | "description" | "publicUrl" | "defaultLocale" | "updatedAt">,
  feed: { path: string; title: string; entries: FeedEntry[] },
): string {
  const self = `${settings.publicUrl}${feed.path}`;
  const updated = new Date(Math.max(settings.updatedAt.getTime(), ...feed.entries.map((entry) => entry.updated.getTime()), 0));
  const atom = new Feed({
    id: self,
    title: escapeHtml(feed.title),
    description: settings.description ? escapeHtml(settings.description) : undefined,
    link: `${settings.publicUrl}/`,
    language: settings.defaultLocale,
    updated,
    generator: "Debrief",
    feedLinks: { atom: self },
    author: { name: settings.organisationName, link: `${settings.publicUrl}/` },
    copyright: settings.organisationName,
  });
  for (const entry of feed.entries) {
    // feed writes titles and summaries as type="html": plain text is escaped into HTML first (which also keeps "]]>"
    // out of its CDATA sections).
    atom.addItem({
      id: entry.id,
      title: escapeHtml(entry.title),
      link: entry.link,
      description: escapeHtml(entry.summary),
      content: entry.contentHtml,
      date: entry.updated,
      published: entry.published,
      author: [{ name: settings.organisationName }],
    });
  }
  return atom.atom1();
}

/** How many entries a feed carries: the latest; readers keep the older ones. */
export const FEED_ENTRIES = 50;
