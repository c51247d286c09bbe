import type { Transaction } from "@/lib/db/client";

/**
 * A host's comments show the name of their account as it is now: when that name changes, or the account goes
 * (its comments then show the name they were posted under), the pages of the events they commented on change,
 * and so must those events' page versions (lib/events/get-event-page-version.ts).
 */
export async function touchEventsCommentedBy(tx: Transaction, userId: string, now: Date): Promise<void> {
  await tx.event.updateMany({ where: { comments: { some: { authorUserId: userId } } }, data: { updatedAt: now } });
}
