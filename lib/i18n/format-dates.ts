import type { Locale } from "./locales";

// Building an Intl.DateTimeFormat costs far more than using one (it dominated the event page's
// render time with 300 comments), so each combination is built once per process.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, cached);
  }
  return cached;
}

/** "mardi 28 septembre 2010, 08:00 – 10:00 (UTC+2)", in the event's own time zone. */
export function formatEventWhen(startsAt: Date, endsAt: Date, timeZone: string, locale: Locale): string {
  const range = formatter(locale, { dateStyle: "full", timeStyle: "short", timeZone }).formatRange(startsAt, endsAt);
  const zone = formatter(locale, { timeZone, timeZoneName: "shortOffset" })
    .formatToParts(startsAt)
    .find((part) => part.type === "timeZoneName")?.value;
  return zone ? `${range} (${zone})` : range;
}

/** A short date for lists: "28 sept. 2010". */
export function formatShortDate(date: Date, timeZone: string, locale: Locale): string {
  return formatter(locale, { dateStyle: "medium", timeZone }).format(date);
}

/** When a comment was posted: "4 oct. 2010, 09:42". */
export function formatCommentDate(date: Date, timeZone: string, locale: Locale): string {
  return formatter(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(date);
}

/** A calendar day for sentences: "12 octobre 2026", "October 12, 2026". */
export function formatLongDate(date: Date, timeZone: string, locale: Locale): string {
  return formatter(locale, { dateStyle: "long", timeZone }).format(date);
}

/** A calendar day stored as "YYYY-MM-DD" (no time zone of its own), for sentences. */
export function formatPlainDate(day: string, locale: Locale): string {
  const [year, month, date] = day.split("-").map(Number);
  return formatLongDate(new Date(Date.UTC(year, month - 1, date, 12)), "UTC", locale);
}
