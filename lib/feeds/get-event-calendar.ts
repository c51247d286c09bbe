import type { Database } from "@/lib/db/client";
import { translatorFor } from "@/lib/i18n/messages";
import { getSiteSettings } from "@/lib/settings/site-settings";
import { buildCalendar, CALENDAR_EVENT_SELECT } from "./ical";

/**
 * "Add to my calendar": one event's iCalendar file. An event withdrawn after it was published still answers,
 * as CANCELLED, so calendars that imported it learn it is off; one never published does not exist here.
 */
export async function getEventCalendar(options: { db: Database; slug: string }): Promise<{ filename: string; body: string } | null> {
  const { db, slug } = options;
  const event = await db.event.findFirst({
    where: { slug, OR: [{ status: "PUBLISHED" }, { firstPublishedAt: { not: null } }] },
    select: CALENDAR_EVENT_SELECT,
  });
  if (!event) return null;
  const settings = await getSiteSettings(db);
  const cancelled = translatorFor(settings.defaultLocale, "feeds")("cancelled");
  return { filename: `${event.slug}.ics`, body: buildCalendar(settings, event.status === "PUBLISHED" ? event.title : cancelled, [event], cancelled) };
}
