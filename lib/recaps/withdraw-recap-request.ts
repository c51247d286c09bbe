import type { Database } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { recapRequestIdFromToken } from "./manage-token";

/** One-click unsubscribe and the manage page's "stop": the request is withdrawn, nothing more is sent. */
export async function withdrawRecapRequest(options: { db: Database; token: string | null; now?: Date }) {
  const id = recapRequestIdFromToken(env.APP_SECRET, options.token);
  if (!id) throw new AppError("NOT_FOUND", "confirmationLinkInvalid");
  const { count } = await options.db.recapRequest.updateMany({ where: { id }, data: { status: "WITHDRAWN" } });
  if (count === 0) throw new AppError("NOT_FOUND", "confirmationLinkInvalid");
  // Anything still queued for this person is dropped too.
  await options.db.outboundEmail.updateMany({ where: { recapRequestId: id, status: "PENDING" }, data: { status: "FAILED", lastError: "withdrawn by the recipient" } });
}

/** The manage page's "erase": the request and every e-mail addressed to it are deleted. */
export async function eraseRecapRequest(options: { db: Database; token: string | null }) {
  const id = recapRequestIdFromToken(env.APP_SECRET, options.token);
  if (!id) throw new AppError("NOT_FOUND", "confirmationLinkInvalid");
  await options.db.$transaction([
    options.db.outboundEmail.deleteMany({ where: { recapRequestId: id } }),
    options.db.recapRequest.deleteMany({ where: { id } }),
  ]);
}

/** What the manage page shows. */
export async function findRecapRequestForManaging(options: { db: Database; token: string | null }) {
  const id = recapRequestIdFromToken(env.APP_SECRET, options.token);
  if (!id) return null;
  return options.db.recapRequest.findUnique({
    where: { id },
    select: { email: true, status: true, event: { select: { slug: true, title: true } } },
  });
}
