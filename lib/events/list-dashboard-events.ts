import type { Database } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { recapCountsByEvent } from "@/lib/recaps/recap-counts";

/**
 * The dashboard overview: every event with its pending comments, the recap's status (published, or what
 * hosts said about it) and its requesters — waiting (confirmed, not yet sent it) and since when, sent, withdrawn.
 */
export async function listDashboardEvents(options: { db: Database; actor: Actor | null }) {
  const { db, actor } = options;
  assertCan(actor, "comment:moderate");
  const events = await db.event.findMany({
    orderBy: { startsAt: "desc" },
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      startsAt: true,
      endsAt: true,
      timeZone: true,
      recapOutlook: true,
      recapExpectedOn: true,
      dateToCheck: true,
      recap: { select: { status: true } },
      _count: { select: { comments: { where: { status: "PENDING" } } } },
    },
  });
  const counts = await recapCountsByEvent(
    db,
    events.map((event) => event.id),
  );
  return events.map(({ _count, id, recap, ...event }) => ({
    ...event,
    recapStatus: recap?.status ?? null,
    pendingComments: _count.comments,
    ...counts.get(id)!,
  }));
}
