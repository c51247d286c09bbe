import type { Database, Transaction } from "@/lib/db/client";
import { queueEmails } from "@/lib/notifications/queue-emails";
import { recapEmailRow } from "./recap-email-row";
import { findRecapRequestByToken, requestSelect } from "./find-recap-request-by-token";
import { readConfirmationToken } from "./recap-request-links";

/**
 * Confirms a recap request from its e-mailed link. If the event's recap is already published, the recap
 * e-mail is queued in the same transaction — through the outbox, with the dedupeKey a publication uses, so
 * a later publication never sends it twice. Confirming twice, or from two tabs at once, confirms once and
 * queues one e-mail: only the transaction that moves the request from UNCONFIRMED does anything.
 */
export async function confirmRecapRequest(options: { db: Database; token: string; now?: Date }) {
  const { db, token } = options;
  const now = options.now ?? new Date();
  const found = await findRecapRequestByToken({ db, token, now });
  const { requestId } = readConfirmationToken(token, now)!;
  const recapQueued = await db.$transaction(async (tx) => {
    const { count } = await tx.recapRequest.updateMany({
      where: { id: requestId, status: "UNCONFIRMED" },
      data: { status: "CONFIRMED", confirmedAt: now, withdrawnAt: null },
    });
    if (count === 0) return false;
    return queueRecapIfPublished(tx, requestId, now);
  });
  return { event: found.event, recapQueued };
}

/** For a request just confirmed: the recap e-mail, when the recap is already out and this person was never sent it. */
async function queueRecapIfPublished(tx: Transaction, requestId: string, now: Date): Promise<boolean> {
  const request = await tx.recapRequest.findUniqueOrThrow({
    where: { id: requestId },
    select: { ...requestSelect, event: { select: { title: true, status: true, recap: { select: { id: true, status: true } } } } },
  });
  const recap = request.event.recap;
  if (recap?.status !== "PUBLISHED" || request.event.status !== "PUBLISHED" || request.recapSentAt) return false;
  // A row cancelled earlier (the person had withdrawn, or the recap was unpublished) is queued again.
  await tx.outboundEmail.updateMany({
    where: { recapId: recap.id, recapRequestId: requestId, status: "CANCELLED" },
    data: { status: "PENDING", nextAttemptAt: now, attempts: 0, lastError: null, leaseOwner: null, leaseExpiresAt: null },
  });
  await queueEmails(tx, [recapEmailRow({ id: recap.id, eventTitle: request.event.title }, request, now)]);
  return true;
}
