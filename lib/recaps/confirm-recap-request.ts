import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { hashToken } from "./tokens";

/** Finds the request behind a confirmation link, for the page that asks the person to confirm. */
export async function findRecapRequestByToken(options: { db: Database; token: string; now?: Date }) {
  const { db, token } = options;
  const now = options.now ?? new Date();
  const request = await db.recapRequest.findUnique({
    where: { confirmTokenHash: hashToken(token) },
    select: { id: true, status: true, confirmTokenExpiresAt: true, event: { select: { slug: true, title: true } } },
  });
  if (!request || request.status === "WITHDRAWN") throw new AppError("NOT_FOUND", "confirmationLinkInvalid");
  if (request.status === "UNCONFIRMED" && request.confirmTokenExpiresAt < now) throw new AppError("INVALID", "confirmationLinkExpired");
  return { status: request.status, event: request.event };
}

/** Confirms a recap request from its e-mailed token. Confirming twice is harmless. */
export async function confirmRecapRequest(options: { db: Database; token: string; now?: Date }) {
  const { db, token } = options;
  const now = options.now ?? new Date();
  const found = await findRecapRequestByToken({ db, token, now });
  if (found.status === "UNCONFIRMED") {
    await db.recapRequest.updateMany({
      where: { confirmTokenHash: hashToken(token), status: "UNCONFIRMED" },
      data: { status: "CONFIRMED", confirmedAt: now },
    });
  }
  return { event: found.event };
}
