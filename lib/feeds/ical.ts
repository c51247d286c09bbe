import ical, { ICalEventStatus } from "ical-generator";
import type { SiteSettings } from "@/lib/settings/site-settings";

/** What a calendar entry needs of an event. */
export type CalendarEvent = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  startsAt: Date;
  endsAt: Date;
  venueName: string;
  venueAddress: string;
  status: string;
  calendarSequence: number;
  updatedAt: Date;
};

export const CALENDAR_EVENT_SELECT = {
  id: true,
  slug: true,
  title: true,
  summary: true,
  startsAt: true,
  endsAt: true,
  venueName: true,
  venueAddress: true,
  status: true,
  calendarSequence: true,
  updatedAt: true,
} as const;

/**
 * An iCalendar file (RFC 5545) for one event or the whole site. Times are in UTC, which every calendar converts
 * to its reader's zone; each event keeps one UID (its id at the site's host) and a SEQUENCE that grows with each
 * edit, so a calendar that imported it replaces its copy; an event withdrawn from publication is CANCELLED.
 */
export function buildCalendar(
  settings: Pick<SiteSettings, "organisationName" | "publicUrl" | "defaultLocale">,
  name: string,
  events: CalendarEvent[],
  cancelledLabel: string,
): string {
  const host = new URL(settings.publicUrl).host;
  const calendar = ical({
    name,
    prodId: { company: settings.organisationName, product: "Debrief", language: settings.defaultLocale.toUpperCase() },
    url: settings.publicUrl,
    ttl: 3600,
  });
  for (const event of events) {
    const url = `${settings.publicUrl}/events/${event.slug}`;
    const identity = { id: `${event.id}@${host}`, sequence: event.calendarSequence, start: event.startsAt, end: event.endsAt, stamp: event.updatedAt };
    if (event.status !== "PUBLISHED") {
      // Withdrawn: only what a calendar needs to drop its copy. The draft being reworked stays private (its title,
      // place and text); the times are the ones stored now.
      calendar.createEvent({ ...identity, summary: cancelledLabel, status: ICalEventStatus.CANCELLED });
      continue;
    }
    calendar.createEvent({
      ...identity,
      lastModified: event.updatedAt,
      summary: event.title,
      description: `${event.summary}\n\n${url}`,
      location: [event.venueName, event.venueAddress.replace(/\s*\n\s*/g, ", ")].filter(Boolean).join(", "),
      url,
      status: ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
