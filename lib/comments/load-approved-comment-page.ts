import type { Database } from "@/lib/db/client";
import { publicCommentSelect, toPublicComment } from "./list-own-pending-comments";
import { MAX_REPLY_DEPTH } from "./reply-depth";
import { chronologically, type PublicComment } from "./thread-comments";

/** Conversations (a top-level comment with its replies) per page of an event. */
export const THREADS_PER_PAGE = 50;

/**
 * One page of an event's approved comments, oldest first, with how many there are. Conversations are paged
 * ({@link THREADS_PER_PAGE} a page), so the page's cost stays flat however many comments an event gathers;
 * a page number past the last gives the last page.
 */
export async function loadApprovedCommentPage(options: { db: Database; eventId: string; requestedPage?: number }): Promise<{
  commentCount: number;
  page: number;
  pageCount: number;
  threadCount: number;
  approved: PublicComment[];
}> {
  const { db, eventId } = options;
  const approved = { eventId, status: "APPROVED" as const };
  // A conversation starts at an approved comment whose parent is not shown (none, or not approved).
  const threadStart = { ...approved, OR: [{ parentId: null }, { parent: { status: { not: "APPROVED" as const } } }] };
  const [commentCount, threadCount] = await Promise.all([db.comment.count({ where: approved }), db.comment.count({ where: threadStart })]);
  const pageCount = Math.max(1, Math.ceil(threadCount / THREADS_PER_PAGE));
  const page = Math.min(Math.max(1, Math.trunc(options.requestedPage ?? 1) || 1), pageCount);

  const comments = await db.comment.findMany({
    where: threadStart,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    skip: (page - 1) * THREADS_PER_PAGE,
    take: THREADS_PER_PAGE,
    select: publicCommentSelect,
  });
  // Replies, one level at a time (the depth is bounded).
  let parents = comments.map((comment) => comment.id);
  for (let depth = 1; depth <= MAX_REPLY_DEPTH && parents.length > 0; depth++) {
    const replies = await db.comment.findMany({
      where: { ...approved, parentId: { in: parents } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: publicCommentSelect,
    });
    comments.push(...replies);
    parents = replies.map((reply) => reply.id);
  }
  const sorted = comments.map(toPublicComment).sort(chronologically);
  return { commentCount, page, pageCount, threadCount, approved: sorted };
}
