import type { Database } from "@/lib/db/client";
import { eventCardSelect } from "@/lib/events/event-select";

export type EventListItem = {
  slug: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  venueName: string;
  summary: string;
  language: string;
  commentCount: number;
};

const listSelect = {
  ...eventCardSelect,
  _count: { select: { comments: { where: { status: "APPROVED" as const } } } },
};

/** Published events: upcoming ones soonest first, then past ones most recent first. */
export async function listEvents(options: { db: Database; now?: Date; pastLimit?: number }) {
  const { db, pastLimit = 50 } = options;
  const now = options.now ?? new Date();
  const [upcoming, past] = await Promise.all([
    db.event.findMany({
      where: { status: "PUBLISHED", endsAt: { gte: now } },
      orderBy: { startsAt: "asc" },
      select: listSelect,
    }),
    db.event.findMany({
      where: { status: "PUBLISHED", endsAt: { lt: now } },
      orderBy: { startsAt: "desc" },
      take: pastLimit,
      select: listSelect,
    }),
  ]);
  const toItem = ({ _count, ...event }: (typeof upcoming)[number]): EventListItem => ({
    ...event,
    commentCount: _count.comments,
  });
  return { upcoming: upcoming.map(toItem), past: past.map(toItem) };
}
