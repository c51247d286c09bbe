import type { Database } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Requests still waiting for a recap: confirmed, and not yet sent it. Withdrawn or erased people are never counted. */
export const WAITING = { status: "CONFIRMED", recapSentAt: null } as const satisfies Prisma.RecapRequestWhereInput;

export function waitingForRecap(eventId: string) {
  return { eventId, ...WAITING } satisfies Prisma.RecapRequestWhereInput;
}

export type RecapCounts = { waiting: number; sent: number; withdrawn: number; waitingSince: Date | null; lastSentAt: Date | null };

/**
 * For each event: how many people wait for the recap (confirmed, not sent yet) and since when, how many
 * were sent it, how many withdrew. Three grouped queries whatever the number of events.
 */
export async function recapCountsByEvent(db: Database, eventIds: string[]): Promise<Map<string, RecapCounts>> {
  const counts = new Map<string, RecapCounts>(eventIds.map((id) => [id, { waiting: 0, sent: 0, withdrawn: 0, waitingSince: null, lastSentAt: null }]));
  if (eventIds.length === 0) return counts;
  const [waiting, sent, withdrawn] = await Promise.all([
    db.recapRequest.groupBy({ by: ["eventId"], where: { eventId: { in: eventIds }, ...WAITING }, _count: { _all: true }, _min: { confirmedAt: true } }),
    db.recapRequest.groupBy({
      by: ["eventId"],
      where: { eventId: { in: eventIds }, status: "CONFIRMED", recapSentAt: { not: null } },
      _count: { _all: true },
      _max: { recapSentAt: true },
    }),
    db.recapRequest.groupBy({ by: ["eventId"], where: { eventId: { in: eventIds }, status: "WITHDRAWN" }, _count: { _all: true } }),
  ]);
  for (const row of waiting) Object.assign(counts.get(row.eventId)!, { waiting: row._count._all, waitingSince: row._min.confirmedAt });
  for (const row of sent) Object.assign(counts.get(row.eventId)!, { sent: row._count._all, lastSentAt: row._max.recapSentAt });
  for (const row of withdrawn) counts.get(row.eventId)!.withdrawn = row._count._all;
  return counts;
}

export async function recapCounts(db: Database, eventId: string): Promise<RecapCounts> {
  return (await recapCountsByEvent(db, [eventId])).get(eventId)!;
}
