import type { Database } from "@/lib/db/client";
import { translatorFor } from "@/lib/i18n/messages";
import { getSiteSettings } from "@/lib/settings/site-settings";
import { buildCalendar, CALENDAR_EVENT_SELECT } from "./ical";

/** How far back the subscribable calendar goes: enough for "what was on last season", small enough to fetch often. */
export const SITE_CALENDAR_DAYS_BACK = 365;
export const SITE_CALENDAR_MAX_EVENTS = 500;

/**
 * The site's calendar to subscribe to (`/calendar.ics`): every published event of the last year and to come,
 * and those withdrawn since they were published, as CANCELLED, so subscribers' calendars drop them.
 */
export async function getSiteCalendar(options: { db: Database; now: Date }): Promise<string> {
  const { db, now } = options;
  const since = new Date(now.getTime() - SITE_CALENDAR_DAYS_BACK * 86_400_000);
  const [settings, events] = await Promise.all([
    getSiteSettings(db),
    db.event.findMany({
      where: { endsAt: { gte: since }, OR: [{ status: "PUBLISHED" }, { firstPublishedAt: { not: null } }] },
      orderBy: { startsAt: "desc" },
      take: SITE_CALENDAR_MAX_EVENTS,
      select: CALENDAR_EVENT_SELECT,
    }),
  ]);
  return buildCalendar(settings, settings.organisationName, events, translatorFor(settings.defaultLocale, "feeds")("cancelled"));
}
