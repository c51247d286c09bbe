import { Temporal } from "temporal-polyfill";
import type { Database } from "@/lib/db/client";
import { env } from "@/lib/env";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/messages";
import { queueEmails } from "./queue-emails";
import type { DigestEvent } from "./templates/host-digest";

/** "2026-W49": the ISO week of an instant (UTC), the period a host gets at most one digest in. */
export function isoWeek(instant: Date): string {
  const date = Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO("UTC").toPlainDate();
  return `${date.yearOfWeek}-W${String(date.weekOfYear).padStart(2, "0")}`;
}

/**
 * Events whose requesters have waited more than `nudgeAfterDays` for a recap that is neither published
 * nor declared "no recap planned", with how many wait and since when.
 */
export async function listEventsAwaitingRecap(db: Database, now: Date, nudgeAfterDays: number): Promise<(DigestEvent & { slug: string })[]> {
  const cutoff = new Date(now.getTime() - nudgeAfterDays * 86_400_000);
  const waiting = await db.recapRequest.groupBy({
    by: ["eventId"],
    where: {
      status: "CONFIRMED",
      recapSentAt: null,
      // Demo events never nag a real site's hosts.
      event: {
        status: "PUBLISHED",
        isDemo: false,
        recapOutlook: { not: "NOT_PLANNED" },
        OR: [{ recap: { is: null } }, { recap: { status: { not: "PUBLISHED" } } }],
      },
    },
    _count: { _all: true },
    _min: { confirmedAt: true },
  });
  const overdue = waiting.filter((row) => row._min.confirmedAt && row._min.confirmedAt < cutoff);
  if (overdue.length === 0) return [];
  const events = await db.event.findMany({
    where: { id: { in: overdue.map((row) => row.eventId) } },
    select: { id: true, slug: true, title: true, timeZone: true, startsAt: true },
  });
  const byId = new Map(events.map((event) => [event.id, event]));
  return overdue
    .map((row) => {
      const event = byId.get(row.eventId)!;
      return {
        slug: event.slug,
        title: event.title,
        timeZone: event.timeZone,
        waiting: row._count._all,
        waitingSince: row._min.confirmedAt!.toISOString(),
        editorUrl: `/dashboard/events/${event.slug}/recap`,
      };
    })
    .sort((a, b) => a.waitingSince.localeCompare(b.waitingSince));
}

/**
 * The `host-digest` job: when people have waited too long for some recaps, every host who has not turned
 * the digest off gets one e-mail listing those events — at most one per ISO week, whoever runs the job and
 * however often (the e-mail's dedupeKey is the host and the week).
 */
export async function sendHostDigests(options: { db: Database; now: Date; nudgeAfterDays?: number }): Promise<number> {
  const { db, now } = options;
  const events = await listEventsAwaitingRecap(db, now, options.nudgeAfterDays ?? env.RECAP_NUDGE_AFTER_DAYS);
  if (events.length === 0) return 0;
  const week = isoWeek(now);
  return db.$transaction(async (tx) => {
    const hosts = await tx.user.findMany({ where: { digestOptOut: false }, select: { id: true, email: true, locale: true } });
    return queueEmails(
      tx,
      hosts.map((host) => {
        const locale: Locale = isLocale(host.locale) ? host.locale : env.DEFAULT_LOCALE;
        return {
          kind: "host-digest",
          dedupeKey: `host-digest:${week}:${host.id}`,
          toAddress: host.email,
          locale,
          subject: translatorFor(locale, "emails.hostDigest")("subject", { count: events.reduce((sum, event) => sum + event.waiting, 0) }),
          payload: JSON.stringify({ events: events.map(({ slug: _slug, ...event }) => event) }),
          userId: host.id,
          createdAt: now,
          nextAttemptAt: now,
        };
      }),
    );
  });
}
