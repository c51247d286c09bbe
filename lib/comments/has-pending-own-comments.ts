import type { Database } from "@/lib/db/client";

/**
 * Whether any of the comments this browser posted (its own-comments cookie) still awaits moderation on this
 * event: only then does its page differ from everyone's. Once they are approved or rejected, the reader is
 * served the page every reader gets.
 */
export async function hasPendingOwnComments(options: { db: Database; eventSlug: string; ownCommentIds: string[] }): Promise<boolean> {
  if (options.ownCommentIds.length === 0) return false;
  const pending = await options.db.comment.findFirst({
    where: { id: { in: options.ownCommentIds }, status: "PENDING", event: { slug: options.eventSlug } },
    select: { id: true },
  });
  return pending !== null;
}
