import { Temporal } from "temporal-polyfill";

/**
 * Wall-clock times in a time zone, through Temporal (temporal-polyfill). One rule for the hours a
 * daylight-saving change skips or repeats, everywhere: "compatible" disambiguation, as in RFC 5545 and
 * Temporal's default — a time in a gap moves forward by the gap's length (Paris 02:30 on the spring
 * change is 03:30), a time that occurs twice is the earlier one.
 */
export function zonedLocalToUtc(local: string, timeZone: string): Date {
  const zoned = Temporal.PlainDateTime.from(local, { overflow: "reject" }).toZonedDateTime(timeZone, { disambiguation: "compatible" });
  return new Date(zoned.epochMilliseconds);
}

/** The UTC instant as "YYYY-MM-DDTHH:mm" on the wall clock of `timeZone`, for datetime-local inputs. */
export function utcToZonedLocal(instant: Date, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone).toPlainDateTime().toString({ smallestUnit: "minute" });
}

/** The instant as ISO 8601 with the offset it has in `timeZone`, e.g. "2026-12-10T18:00:00+01:00" (schema.org dates). */
export function isoWithOffset(instant: Date, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone).toString({ timeZoneName: "never", smallestUnit: "second" });
}

/** The calendar day ("YYYY-MM-DD") it is at `instant` in `timeZone`. */
export function zonedToday(instant: Date, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone).toPlainDate().toString();
}

/** Whether `value` is a real calendar day written "YYYY-MM-DD" (no 30 February). */
export function isPlainDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  try {
    Temporal.PlainDate.from(value, { overflow: "reject" });
    return true;
  } catch {
    return false;
  }
}

/** Whether "YYYY-MM-DDTHH:mm" is a real wall-clock time (no 30 February, no 25:00). */
export function isPlainDateTime(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return false;
  try {
    Temporal.PlainDateTime.from(value, { overflow: "reject" });
    return true;
  } catch {
    return false;
  }
}

export function isTimeZone(value: string): boolean {
  try {
    Temporal.Now.instant().toZonedDateTimeISO(value);
    return value.length > 0;
  } catch {
    return false;
  }
}
