import { describe, expect, it } from "vitest";
import { isPlainDate, isPlainDateTime, isTimeZone, utcToZonedLocal, zonedLocalToUtc, zonedToday } from "@/lib/i18n/zoned-time";

// One rule for every zone, east or west of UTC ("compatible"): a wall-clock time the clocks skip moves
// forward by the gap; a time that happens twice is the earlier of the two.
describe("wall-clock times across daylight-saving changes", () => {
  it.each([
    // Spring forward: 02:30 does not exist; it becomes 03:30 local, wherever the zone is.
    ["Europe/Paris", "2026-03-29T02:30", "2026-03-29T01:30:00.000Z", "2026-03-29T03:30"],
    ["America/New_York", "2026-03-08T02:30", "2026-03-08T07:30:00.000Z", "2026-03-08T03:30"],
    ["Australia/Sydney", "2026-10-04T02:30", "2026-10-03T16:30:00.000Z", "2026-10-04T03:30"],
    // Fall back: 02:30 (Paris), 01:30 (New York), 02:30 (Sydney) happen twice; the first one counts.
    ["Europe/Paris", "2026-10-25T02:30", "2026-10-25T00:30:00.000Z", "2026-10-25T02:30"],
    ["America/New_York", "2026-11-01T01:30", "2026-11-01T05:30:00.000Z", "2026-11-01T01:30"],
    ["Australia/Sydney", "2026-04-05T02:30", "2026-04-04T15:30:00.000Z", "2026-04-05T02:30"],
    // No daylight saving, and a half-hour offset.
    ["Asia/Kolkata", "2026-03-29T02:30", "2026-03-28T21:00:00.000Z", "2026-03-29T02:30"],
    ["Asia/Kolkata", "2026-11-01T01:30", "2026-10-31T20:00:00.000Z", "2026-11-01T01:30"],
  ])("%s %s is %s (shown back as %s)", (zone, local, utc, shown) => {
    const instant = zonedLocalToUtc(local, zone);
    expect(instant.toISOString()).toBe(utc);
    expect(utcToZonedLocal(instant, zone)).toBe(shown);
  });

  it("keeps ordinary times as they are, in summer and winter", () => {
    expect(zonedLocalToUtc("2010-09-28T08:00", "Europe/Paris").toISOString()).toBe("2010-09-28T06:00:00.000Z");
    expect(zonedLocalToUtc("2026-01-15T08:00", "Europe/Paris").toISOString()).toBe("2026-01-15T07:00:00.000Z");
    expect(utcToZonedLocal(new Date("2026-07-01T23:30:00Z"), "America/New_York")).toBe("2026-07-01T19:30");
  });

  it("tells the calendar day in a zone, which may differ from UTC's", () => {
    const instant = new Date("2026-10-01T10:00:00Z");
    expect(zonedToday(instant, "Pacific/Kiritimati")).toBe("2026-10-02");
    expect(zonedToday(instant, "Pacific/Pago_Pago")).toBe("2026-09-30");
  });

  it("recognises real dates, times and zones only", () => {
    expect(isPlainDate("2026-02-28")).toBe(true);
    expect(isPlainDate("2026-02-30")).toBe(false);
    expect(isPlainDate("28/02/2026")).toBe(false);
    expect(isPlainDateTime("2026-02-28T23:59")).toBe(true);
    expect(isPlainDateTime("2026-02-28T24:30")).toBe(false);
    expect(isTimeZone("Europe/Paris")).toBe(true);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isTimeZone("")).toBe(false);
  });
});
