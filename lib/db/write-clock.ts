/**
 * When this process last wrote to the database. Cached pages use it to see this instance's own
 * changes at once (other instances see them when their short-lived copy of the page version expires).
 * Kept on globalThis: the custom server and Next.js's bundled code each load their own copy of this
 * module, and both must share one clock.
 */
const CLOCK = Symbol.for("debrief.lastLocalWriteAt");
const holder = globalThis as unknown as { [CLOCK]?: number };

export function noteLocalWrite(at: number = Date.now()): void {
  holder[CLOCK] = Math.max(holder[CLOCK] ?? 0, at);
}

/** Milliseconds since the epoch of the last write this process made; 0 when none. */
export function lastLocalWriteAt(): number {
  return holder[CLOCK] ?? 0;
}
