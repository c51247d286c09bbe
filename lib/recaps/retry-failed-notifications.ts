import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/auth/permissions";

/** A host's "retry": failed recap e-mails go back to the queue (ambiguous ones stay, as they may have arrived). */
export async function retryFailedNotifications(options: { db: Database; actor: Actor | null; eventSlug: string; now?: Date }) {
  const { db, actor, eventSlug } = options;
  assertCan(actor, "recap:publish");
  const recap = await db.recap.findFirst({ where: { event: { slug: eventSlug } }, select: { id: true } });
  if (!recap) throw new AppError("NOT_FOUND", "recapMissing");
  return db.$transaction(async (tx) => {
    const { count } = await tx.outboundEmail.updateMany({
      // Rows withdrawn by their recipient are FAILED too; they stay failed.
      where: { recapId: recap.id, status: "FAILED", recapRequest: { status: "CONFIRMED" } },
      data: { status: "PENDING", attempts: 0, nextAttemptAt: options.now ?? new Date(), lastError: null },
    });
    await tx.auditLog.create({ data: { actorId: actor.id, action: "recap.retry-failed", targetType: "Recap", targetId: recap.id, details: JSON.stringify({ count }) } });
    return { requeued: count };
  });
}
