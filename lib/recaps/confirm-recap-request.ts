import type { Database, Transaction } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { queueEmails } from "@/lib/notifications/queue-emails";
import { recapEmailRow } from "./recap-email-row";
import { isExpiredConfirmationToken, readConfirmationToken } from "./recap-request-links";

const requestSelect = {
  id: true,
  email: true,
  locale: true,
  status: true,
  lastConfirmationSentAt: true,
  recapSentAt: true,
  eventId: true,
  event: { select: { slug: true, title: true, timeZone: true, recap: { select: { id: true, status: true } } } },
} as const;

/**
 * The request behind a confirmation link, for the page that asks the person to confirm. A link replaced
 * by a newer one, forged, or for a withdrawn or erased request is not valid; a genuine but old one has expired.
 */
export async function findRecapRequestByToken(options: { db: Database; token: string; now?: Date }) {
  const { db, token } = options;
  const now = options.now ?? new Date();
  const claims = readConfirmationToken(token, now);
  if (!claims) {
    if (isExpiredConfirmationToken(token, now)) throw new AppError("INVALID", "confirmationLinkExpired");
    throw new AppError("NOT_FOUND", "confirmationLinkInvalid");
  }
  const request = await db.recapRequest.findUnique({ where: { id: claims.requestId }, select: requestSelect });
  if (!request || request.status === "WITHDRAWN" || request.lastConfirmationSentAt.getTime() !== claims.issuedAt) {
    throw new AppError("NOT_FOUND", "confirmationLinkInvalid");
  }
  const recapPublished = request.event.recap?.status === "PUBLISHED";
  return {
    status: request.status,
    event: { slug: request.event.slug, title: request.event.title, timeZone: request.event.timeZone },
    recapPublished,
    recapSentAt: request.recapSentAt,
  };
}

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
