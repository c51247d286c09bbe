import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recapRequestIdFromManageToken } from "./recap-request-links";

/**
 * The manage page's "erase": the request, its address and every e-mail addressed to it are deleted, in
 * one transaction. A worker sending one at that moment finds its row gone and records nothing.
 */
export async function eraseRecapRequest(options: { db: Database; token: string | null; now?: Date }) {
  const now = options.now ?? new Date();
  const id = recapRequestIdFromManageToken(options.token, now);
  if (!id) throw new AppError("NOT_FOUND", "manageLinkInvalid");
  await options.db.$transaction(async (tx) => {
    const request = await tx.recapRequest.findUnique({ where: { id }, select: { eventId: true } });
    if (!request) return;
    await tx.outboundEmail.deleteMany({ where: { recapRequestId: id } });
    await tx.recapRequest.delete({ where: { id }, select: { id: true } });
    await tx.event.update({ where: { id: request.eventId }, data: { updatedAt: now }, select: { id: true } });
  });
}
