/** Offset of a time zone at an instant, in minutes east of UTC. */
function offsetMinutes(instant: Date, timeZone: string): number {
  const name = new Intl.DateTimeFormat("en", { timeZone, timeZoneName: "longOffset" }).formatToParts(instant).find((part) => part.type === "timeZoneName")?.value ?? "GMT";
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return match ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

/** "2026-03-10T19:00" on the wall clock of `timeZone` → the UTC instant (right across DST changes). */
export function zonedLocalToUtc(local: string, timeZone: string): Date {
  const asUtc = new Date(`${local}:00Z`);
  const first = new Date(asUtc.getTime() - offsetMinutes(asUtc, timeZone) * 60_000);
  // Once more with the offset at the candidate instant, for times near a DST change.
  return new Date(asUtc.getTime() - offsetMinutes(first, timeZone) * 60_000);
}

/** The UTC instant as "YYYY-MM-DDTHH:mm" on the wall clock of `timeZone`, for datetime-local inputs. */
export function utcToZonedLocal(instant: Date, timeZone: string): string {
  return new Date(instant.getTime() + offsetMinutes(instant, timeZone) * 60_000).toISOString().slice(0, 16);
}

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
