import type { Database } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";

/** The dashboard overview: every event with its pending comments and the people waiting for its recap. */
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
      recap: { select: { status: true } },
      _count: {
        select: {
          comments: { where: { status: "PENDING" } },
          recapRequests: { where: { status: "CONFIRMED" } },
        },
      },
    },
  });
  // How long people have been waiting: the oldest confirmation per event, in one grouped query.
  const oldest = await db.recapRequest.groupBy({ by: ["eventId"], where: { status: "CONFIRMED" }, _min: { confirmedAt: true } });
  const waitingSince = new Map(oldest.map((row) => [row.eventId, row._min.confirmedAt]));
  return events.map(({ _count, id, recap, ...event }) => ({
    ...event,
    recapStatus: recap?.status ?? null,
    pendingComments: _count.comments,
    confirmedRequests: _count.recapRequests,
    waitingSince: waitingSince.get(id) ?? null,
  }));
}
