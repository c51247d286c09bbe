import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/** Limits on posting, counted from stored comments so rejected attempts write nothing. */
export const COMMENT_RATE_LIMITS = {
  floodSeconds: 15,
  perIp: [
    { windowSeconds: 60, max: 5 },
    { windowSeconds: 3600, max: 30 },
  ],
} as const;

type Poster = { ipHash: string; authorEmail: string };

/**
 * Throws RATE_LIMITED (with the seconds to wait) when this poster commented too recently or too often.
 * Reads only indexed columns; works the same whichever app instance wrote the rows.
 */
export async function assertWithinCommentRateLimits(db: Database, poster: Poster, now: Date): Promise<void> {
  const floodSince = new Date(now.getTime() - COMMENT_RATE_LIMITS.floodSeconds * 1000);
  const lastFromPoster = await db.comment.findFirst({
    where: {
      createdAt: { gt: floodSince },
      OR: [{ ipHash: poster.ipHash }, { authorEmail: poster.authorEmail }],
    },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  if (lastFromPoster) {
    throw rateLimited("floodControl", lastFromPoster.createdAt, COMMENT_RATE_LIMITS.floodSeconds, now);
  }

  for (const { windowSeconds, max } of COMMENT_RATE_LIMITS.perIp) {
    const since = new Date(now.getTime() - windowSeconds * 1000);
    const recent = await db.comment.findMany({
      where: { ipHash: poster.ipHash, createdAt: { gt: since } },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
      take: max,
    });
    if (recent.length >= max) {
      // The window frees up when the oldest of the last `max` comments leaves it.
      throw rateLimited("rateLimited", recent[max - 1].createdAt, windowSeconds, now);
    }
  }
}

function rateLimited(messageKey: string, since: Date, windowSeconds: number, now: Date): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil(windowSeconds - (now.getTime() - since.getTime()) / 1000));
  return new AppError("RATE_LIMITED", messageKey, { retryAfterSeconds });
}
