import type { Locale } from "./locales";

/** "mardi 28 septembre 2010, 08:00 – 10:00 UTC+2", in the event's own time zone. */
export function formatEventWhen(startsAt: Date, endsAt: Date, timeZone: string, locale: Locale): string {
  const format = new Intl.DateTimeFormat(locale, {
    dateStyle: "full",
    timeStyle: "short",
    timeZone,
  });
  const range = format.formatRange(startsAt, endsAt);
  const zone = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "shortOffset" })
    .formatToParts(startsAt)
    .find((part) => part.type === "timeZoneName")?.value;
  return zone ? `${range} (${zone})` : range;
}

/** A short date for lists: "28 sept. 2010". */
export function formatShortDate(date: Date, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone }).format(date);
}

/** When a comment was posted: "5 oct. 2010, 14:03". */
export function formatCommentDate(date: Date, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(date);
}
