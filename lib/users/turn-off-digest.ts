import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { userIdFromDigestOptOutToken } from "@/lib/notifications/digest-links";

/** The digest's "stop" link (page button or RFC 8058 one-click): the host gets no more digests. Harmless twice. */
export async function turnOffDigest(options: { db: Database; token: unknown; now?: Date }) {
  const userId = userIdFromDigestOptOutToken(options.token, options.now ?? new Date());
  if (!userId) throw new AppError("NOT_FOUND", "digestLinkInvalid");
  const { count } = await options.db.user.updateMany({ where: { id: userId }, data: { digestOptOut: true } });
  if (count === 0) throw new AppError("NOT_FOUND", "digestLinkInvalid");
}
