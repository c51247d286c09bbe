import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recapRequestIdFromManageToken } from "./recap-request-links";

/**
 * One-click unsubscribe and the manage page's "stop": the request is withdrawn and, in the same
 * transaction, every e-mail to it not yet handed to the SMTP server is cancelled — queued (PENDING) or
 * already taken by a worker (CLAIMED: the worker's next write requires CLAIMED, so it cannot send it).
 * Withdrawing twice is harmless.
 */
export async function withdrawRecapRequest(options: { db: Database; token: string | null; now?: Date }) {
  const now = options.now ?? new Date();
  const id = recapRequestIdFromManageToken(options.token, now);
  if (!id) throw new AppError("NOT_FOUND", "manageLinkInvalid");
  await options.db.$transaction(async (tx) => {
    const request = await tx.recapRequest.findUnique({ where: { id }, select: { status: true, eventId: true } });
    if (!request) throw new AppError("NOT_FOUND", "manageLinkInvalid");
    if (request.status === "WITHDRAWN") return;
    await tx.recapRequest.update({ where: { id }, data: { status: "WITHDRAWN", withdrawnAt: now }, select: { id: true } });
    await tx.outboundEmail.updateMany({
      where: { recapRequestId: id, status: { in: ["PENDING", "CLAIMED"] } },
      data: { status: "CANCELLED", lastError: "withdrawn by the recipient", leaseOwner: null, leaseExpiresAt: null },
    });
    // The event's page shows how many people wait: its cached copies are out of date.
    await tx.event.update({ where: { id: request.eventId }, data: { updatedAt: now }, select: { id: true } });
  });
}
