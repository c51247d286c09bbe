import type { Database } from "@/lib/db/client";
import { threadComments, type PublicComment } from "@/lib/comments/thread-comments";

const publicCommentSelect = {
  id: true,
  parentId: true,
  authorName: true,
  authorUrl: true,
  body: true,
  status: true,
  createdAt: true,
} as const;

/**
 * A published event with its approved comments threaded, plus the viewer's own comments
 * still awaiting moderation (ids remembered by their browser). Never returns e-mail addresses.
 */
export async function getPublishedEvent(options: { db: Database; slug: string; ownCommentIds?: string[] }) {
  const { db, slug, ownCommentIds = [] } = options;
  const event = await db.event.findFirst({
    where: { slug, status: "PUBLISHED" },
    select: {
      id: true,
      slug: true,
      title: true,
      startsAt: true,
      endsAt: true,
      timeZone: true,
      venueName: true,
      venueAddress: true,
      hostNames: true,
      summary: true,
      topic: true,
      language: true,
      updatedAt: true,
      _count: { select: { recapRequests: { where: { status: "CONFIRMED" } } } },
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

  const comments: PublicComment[] = await db.comment.findMany({
    where: {
      eventId: event.id,
      OR: [{ status: "APPROVED" }, ...(ownCommentIds.length ? [{ id: { in: ownCommentIds }, status: "PENDING" as const }] : [])],
    },
    orderBy: { createdAt: "asc" },
    select: publicCommentSelect,
  });

  const { id: _id, hostNames, _count, recap, ...publicEvent } = event;
  return {
    ...publicEvent,
    /** Only a published recap is public. */
    recap: recap?.status === "PUBLISHED" ? { body: recap.body, publishedAt: recap.publishedAt, links: recap.links } : null,
    /** Confirmed requesters waiting for the recap. */
    recapWaitingCount: _count.recapRequests,
    hosts: hostNames.split("\n").map((name) => name.trim()).filter(Boolean),
    commentCount: comments.filter((comment) => comment.status === "APPROVED").length,
    comments: threadComments(comments),
  };
}

export type PublishedEvent = NonNullable<Awaited<ReturnType<typeof getPublishedEvent>>>;
