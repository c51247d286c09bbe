import type { Database } from "@/lib/db/client";

/**
 * A short string that changes whenever the public page of an event changes: the event itself (its
 * `updatedAt` is also bumped when a comment on it is published or moderated), its recap (and the
 * host's replies published with it), how many people wait for the recap and were sent it, and the site's
 * settings. The page cache reads it at most every 250 ms per page and instance, and again after this
 * instance's own writes (lib/http/page-versions.ts), so a page cached by one instance is recognised as
 * stale within a quarter of a second of any instance changing it. Null when the event is not public.
 */
export async function getEventPageVersion(options: { db: Database; slug: string }): Promise<string | null> {
  const [event, sent, settings] = await Promise.all([
    options.db.event.findFirst({
      where: { slug: options.slug, status: "PUBLISHED" },
      select: {
        updatedAt: true,
        recap: { select: { updatedAt: true } },
        _count: { select: { recapRequests: { where: { status: "CONFIRMED", recapSentAt: null } } } },
      },
    }),
    // The counts move as recap e-mails are sent, with no other change to the event: waiting down, sent up.
    options.db.recapRequest.count({ where: { event: { slug: options.slug }, status: "CONFIRMED", recapSentAt: { not: null } } }),
    // The organisation's name, colour and logo are on every page.
    options.db.siteSettings.findUnique({ where: { id: "site" }, select: { updatedAt: true } }),
  ]);
  if (!event) return null;
  return [event.updatedAt.getTime(), event.recap?.updatedAt.getTime() ?? 0, event._count.recapRequests, sent, settings?.updatedAt.getTime() ?? 0].join(".");
}
