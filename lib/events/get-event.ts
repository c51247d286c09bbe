import type { Database } from "@/lib/db/client";
import { MAX_REPLY_DEPTH } from "@/lib/comments/reply-depth";
import { threadComments } from "@/lib/comments/thread-comments";
import { recapCounts } from "@/lib/recaps/recap-counts";
import { eventDetailsSelect } from "@/lib/events/event-select";

const publicCommentSelect = {
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
function toPublic<T extends { authorUserId: string | null; authorName: string; authorUser: { name: string } | null }>({
  authorUserId,
  authorUser,
  ...comment
}: T) {
  return { ...comment, authorName: authorUser?.name ?? comment.authorName, byHost: authorUserId !== null };
}

/** Conversations (a top-level comment with its replies) per page of an event. */
export const THREADS_PER_PAGE = 50;

/**
 * A published event with one page of its approved comments, threaded, plus the viewer's own
 * comments still awaiting moderation (ids remembered by their browser). Conversations are paged
 * ({@link THREADS_PER_PAGE} a page, oldest first), so the page's cost stays flat however many
 * comments an event gathers. Never returns e-mail addresses.
 */
export async function getPublishedEvent(options: { db: Database; slug: string; ownCommentIds?: string[]; commentPage?: number }) {
  const { db, slug, ownCommentIds = [] } = options;
  const event = await db.event.findFirst({
    where: { slug, status: "PUBLISHED" },
    select: {
      id: true,
      ...eventDetailsSelect,
      updatedAt: true,
      recapOutlook: true,
      recapExpectedOn: true,
      recapOutlookNote: true,
      recap: {
        select: {
          status: true,
          body: true,
          publishedAt: true,
          links: { orderBy: { position: "asc" }, select: { kind: true, title: true, url: true } },
        },
      },
    },
  });
  if (!event) return null;

  const approved = { eventId: event.id, status: "APPROVED" as const };
  // A conversation starts at an approved comment whose parent is not shown (none, or not approved).
  const threadStart = { ...approved, OR: [{ parentId: null }, { parent: { status: { not: "APPROVED" as const } } }] };
  const [commentCount, threadCount] = await Promise.all([db.comment.count({ where: approved }), db.comment.count({ where: threadStart })]);
  const pageCount = Math.max(1, Math.ceil(threadCount / THREADS_PER_PAGE));
  const page = Math.min(Math.max(1, Math.trunc(options.commentPage ?? 1) || 1), pageCount);

  const starts = await db.comment.findMany({
    where: threadStart,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    skip: (page - 1) * THREADS_PER_PAGE,
    take: THREADS_PER_PAGE,
    select: publicCommentSelect,
  });
  const visible = (ids: string[]) => ({
    OR: [{ status: "APPROVED" as const }, ...(ids.length ? [{ id: { in: ids }, status: "PENDING" as const }] : [])],
  });
  // Replies, one level at a time (the depth is bounded), including the viewer's own pending ones.
  const comments = [...starts];
  let parents = starts.map((comment) => comment.id);
  for (let depth = 1; depth <= MAX_REPLY_DEPTH && parents.length > 0; depth++) {
    const replies = await db.comment.findMany({
      where: { eventId: event.id, parentId: { in: parents }, ...visible(ownCommentIds) },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: publicCommentSelect,
    });
    comments.push(...replies);
    parents = replies.map((reply) => reply.id);
  }
  // The viewer's own new conversations, still held, close the last page.
  if (page === pageCount && ownCommentIds.length > 0) {
    comments.push(
      ...(await db.comment.findMany({
        where: { eventId: event.id, id: { in: ownCommentIds }, status: "PENDING", parentId: null },
        orderBy: { createdAt: "asc" },
        select: publicCommentSelect,
      })),
    );
  }

  const counts = await recapCounts(db, event.id);
  const { id: _id, hostNames, recap, recapOutlook, recapExpectedOn, recapOutlookNote, ...publicEvent } = event;
  const published = recap?.status === "PUBLISHED";
  return {
    ...publicEvent,
    /** Only a published recap is public. */
    recap: published ? { body: recap.body, publishedAt: recap.publishedAt, links: recap.links } : null,
    /** The recap's public status: published, or what hosts said about it (expected by a day, or not planned). */
    recapStatus: {
      status: published ? ("PUBLISHED" as const) : recapOutlook,
      expectedOn: !published && recapOutlook === "EXPECTED" ? recapExpectedOn : null,
      note: !published && recapOutlook === "NOT_PLANNED" ? recapOutlookNote : null,
      /** Confirmed requesters not yet sent the recap, and since when the first of them waits. */
      waiting: counts.waiting,
      waitingSince: counts.waitingSince,
      /** Requesters the recap was sent to. */
      sent: counts.sent,
    },
    hosts: hostNames
      .split("\n")
      .map((name) => name.trim())
      .filter(Boolean),
    commentCount,
    commentPages: { page, pageCount, threadCount },
    comments: threadComments(comments.map(toPublic).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))),
  };
}

export type PublishedEvent = NonNullable<Awaited<ReturnType<typeof getPublishedEvent>>>;
