import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { isExpiredConfirmationToken, readConfirmationToken } from "./recap-request-links";

/** What a confirmation needs to know of a recap request. */
export const requestSelect = {
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
