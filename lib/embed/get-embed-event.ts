import type { Database } from "@/lib/db/client";
import { recapCounts } from "@/lib/recaps/recap-counts";

/**
 * What the recap box on another site shows of a published event: its title and language, the recap's public
 * status (published, expected by a day, not planned) and how many wait or were sent it. Nothing private.
 */
export async function getEmbedEvent(options: { db: Database; slug: string }) {
  const event = await options.db.event.findFirst({
    where: { slug: options.slug, status: "PUBLISHED" },
    select: {
      id: true,
      slug: true,
      title: true,
      language: true,
      timeZone: true,
      endsAt: true,
      recapOutlook: true,
      recapExpectedOn: true,
      recapOutlookNote: true,
      recap: { select: { status: true, publishedAt: true } },
    },
  });
  if (!event) return null;
  const counts = await recapCounts(options.db, event.id);
  const published = event.recap?.status === "PUBLISHED";
  return {
    slug: event.slug,
    title: event.title,
    language: event.language,
    timeZone: event.timeZone,
    endsAt: event.endsAt,
    status: published ? ("PUBLISHED" as const) : event.recapOutlook,
    expectedOn: !published && event.recapOutlook === "EXPECTED" ? event.recapExpectedOn : null,
    note: !published && event.recapOutlook === "NOT_PLANNED" ? event.recapOutlookNote : null,
    publishedAt: published ? (event.recap?.publishedAt ?? null) : null,
    waiting: counts.waiting,
    waitingSince: counts.waitingSince,
    sent: counts.sent,
  };
}

export type EmbedEvent = NonNullable<Awaited<ReturnType<typeof getEmbedEvent>>>;
