import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";

/**
 * Takes a published recap off the event page. In the same transaction, its e-mails not yet handed to the
 * SMTP server are cancelled (a worker holding one cannot send it: its next write requires CLAIMED) and
 * the host's "the recap is online" replies are removed. Those already sent stay sent: publishing again
 * mails only people never sent it, and late confirmations queue nothing meanwhile.
 */
export async function unpublishRecap(options: { db: Database; actor: Actor | null; eventSlug: string; now?: Date }) {
  const { db, actor, eventSlug } = options;
  assertCan(actor, "recap:publish");
  const now = options.now ?? new Date();
  const recap = await db.recap.findFirst({ where: { event: { slug: eventSlug } }, select: { id: true, status: true, eventId: true } });
  if (!recap) throw new AppError("NOT_FOUND", "recapMissing");
  if (recap.status !== "PUBLISHED") throw new AppError("INVALID", "recapNotPublished");
  return db.$transaction(async (tx) => {
    await tx.recap.update({ where: { id: recap.id }, data: { status: "DRAFT" }, select: { id: true } });
    const { count: cancelled } = await tx.outboundEmail.updateMany({
      where: { recapId: recap.id, status: { in: ["PENDING", "CLAIMED"] } },
      data: { status: "CANCELLED", lastError: "recap unpublished", leaseOwner: null, leaseExpiresAt: null },
    });
    const { count: repliesRemoved } = await tx.comment.deleteMany({ where: { eventId: recap.eventId, isRecapNotice: true } });
    await tx.event.update({ where: { id: recap.eventId }, data: { updatedAt: now }, select: { id: true } });
    await recordAudit(
      tx,
      actor.id,
      { action: "recap.unpublish", targetType: "Recap", targetId: recap.id, details: { eventId: recap.eventId, cancelled, repliesRemoved } },
      now,
    );
    return { cancelled, repliesRemoved };
  });
}
