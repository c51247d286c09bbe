import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { consume, type LimitName } from "@/lib/security/rate-limits";

/**
 * Counts a comment attempt against every posting limit (lib/security/rate-limits.ts): one per 15 s from an
 * address and from an e-mail (flood control), 5 a minute and 30 an hour from an address. Throws RATE_LIMITED,
 * with the seconds to wait, at the first limit reached. Atomic: requests arriving together are counted one
 * by one, on whichever instance.
 */
export async function assertWithinCommentRateLimits(db: Database, poster: { ipHash: string; authorEmail: string }): Promise<void> {
  const checks: [LimitName, string, string][] = [
    ["commentFloodPerIp", poster.ipHash, "floodControl"],
    ["commentFloodPerEmail", poster.authorEmail, "floodControl"],
    ["commentsPerIpPerMinute", poster.ipHash, "rateLimited"],
    ["commentsPerIpPerHour", poster.ipHash, "rateLimited"],
  ];
  for (const [limit, key, messageKey] of checks) {
    const outcome = await consume(db, limit, key);
    if (!outcome.allowed) throw new AppError("RATE_LIMITED", messageKey, { retryAfterSeconds: outcome.retryAfterSeconds });
  }
}
