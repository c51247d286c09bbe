import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";

/**
 * A host puts the recap's undelivered e-mails back in the queue, from the delivery report:
 * - FAILED ("retry"): the server refused them, or every attempt failed;
 * - AMBIGUOUS ("resend"): their data reached the server but no answer came, so each person may already
 *   have the recap — the report warns that they may receive it twice.
 * Only people still waiting are requeued: request confirmed, recap not recorded as sent to them, recap
 * published. Withdrawn people's mail is CANCELLED and erased people's is gone, so neither is re-mailed.
 * Audited.
 */
export async function requeueRecapEmails(options: { db: Database; actor: Actor | null; eventSlug: string; status: "FAILED" | "AMBIGUOUS"; now?: Date }) {
  const { db, actor, eventSlug, status } = options;
  assertCan(actor, "recap:publish");
  const now = options.now ?? new Date();
  const recap = await db.recap.findFirst({ where: { event: { slug: eventSlug } }, select: { id: true, eventId: true } });
  if (!recap) throw new AppError("NOT_FOUND", "recapMissing");
  return db.$transaction(async (tx) => {
    const { count } = await tx.outboundEmail.updateMany({
      where: { recapId: recap.id, status, recapRequest: { status: "CONFIRMED", recapSentAt: null }, recap: { status: "PUBLISHED" } },
      data: { status: "PENDING", attempts: 0, nextAttemptAt: now, lastError: null, leaseOwner: null, leaseExpiresAt: null },
    });
    await recordAudit(
      tx,
      actor.id,
      {
        action: status === "FAILED" ? "recap.retry-failed" : "recap.resend-ambiguous",
        targetType: "Recap",
        targetId: recap.id,
        details: { eventId: recap.eventId, count },
      },
      now,
    );
    return { requeued: count };
  });
}
