import type { Database } from "@/lib/db/client";
import type { PublicComment } from "./thread-comments";

/** What a page shows of a comment (never the e-mail address; which host wrote it is resolved by {@link toPublicComment}). */
export const publicCommentSelect = {
  id: true,
  parentId: true,
  authorName: true,
  authorUrl: true,
  body: true,
  status: true,
  createdAt: true,
  authorUserId: true,
  authorUser: { select: { name: true } },
} as const;

/**
 * Which host wrote a comment stays private; only that a host did is shown, under the public name the host
 * has now (they may have changed it in their profile since).
 */
export function toPublicComment<T extends { authorUserId: string | null; authorName: string; authorUser: { name: string } | null }>({
  authorUserId,
  authorUser,
  ...comment
}: T) {
  return { ...comment, authorName: authorUser?.name ?? comment.authorName, byHost: authorUserId !== null };
}

/**
 * The comments this browser posted (its own-comments cookie) that still await moderation on a published event,
 * oldest first. While there is one, the reader's page of the event differs from everyone's: it shows them,
 * marked as such. Once they are approved or rejected, the reader gets the page every reader gets.
 */
export async function listOwnPendingComments(options: {
  db: Database;
  event: { id: string } | { slug: string };
  ownCommentIds: string[];
}): Promise<PublicComment[]> {
  if (options.ownCommentIds.length === 0) return [];
  const event = "id" in options.event ? { eventId: options.event.id } : { event: { slug: options.event.slug, status: "PUBLISHED" as const } };
  const comments = await options.db.comment.findMany({
    where: { id: { in: options.ownCommentIds }, status: "PENDING", ...event },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: publicCommentSelect,
  });
  return comments.map(toPublicComment);
}
