import type { Database } from "@/lib/db/client";
import { AppError, type ErrorKey } from "@/lib/errors";
import { consumeAll, type LimitName } from "@/lib/security/rate-limits";

const COMMENT_LIMITS: { name: LimitName; messageKey: ErrorKey; key: (poster: { ipHash: string; authorEmail: string }) => string }[] = [
  { name: "commentFloodPerIp", messageKey: "floodControl", key: (poster) => poster.ipHash },
  { name: "commentFloodPerEmail", messageKey: "floodControl", key: (poster) => poster.authorEmail },
  { name: "commentsPerIpPerMinute", messageKey: "rateLimited", key: (poster) => poster.ipHash },
  { name: "commentsPerIpPerHour", messageKey: "rateLimited", key: (poster) => poster.ipHash },
];

/**
 * Counts a comment attempt against every posting limit (lib/security/rate-limits.ts): one per 15 s from an
 * address and from an e-mail (flood control), 5 a minute and 30 an hour from an address. All four in one atomic
 * statement: requests arriving together are counted one by one, on whichever instance. Throws RATE_LIMITED when
 * any is reached, with the longest wait among them (an earlier retry would be refused again) and its message.
 */
export async function assertWithinCommentRateLimits(db: Database, poster: { ipHash: string; authorEmail: string }, now: Date): Promise<void> {
  const outcomes = await consumeAll(
    db,
    COMMENT_LIMITS.map((limit) => ({ name: limit.name, key: limit.key(poster) })),
    now,
  );
  let refusal: { messageKey: ErrorKey; retryAfterSeconds: number } | undefined;
  for (const [index, outcome] of outcomes.entries()) {
    if (outcome.allowed || outcome.retryAfterSeconds <= (refusal?.retryAfterSeconds ?? 0)) continue;
    refusal = { messageKey: COMMENT_LIMITS[index].messageKey, retryAfterSeconds: outcome.retryAfterSeconds };
  }
  if (refusal) throw new AppError("RATE_LIMITED", refusal.messageKey, { retryAfterSeconds: refusal.retryAfterSeconds });
}
