import type { Database } from "@/lib/db/client";
import { listOwnPendingComments } from "@/lib/comments/list-own-pending-comments";
import { loadApprovedCommentPage } from "@/lib/comments/load-approved-comment-page";
import { threadComments, withOwnPendingComments } from "@/lib/comments/thread-comments";
import { recapCounts } from "@/lib/recaps/recap-counts";
import { eventDetailsSelect } from "@/lib/events/event-select";

/**
 * A published event with one page of its approved comments, threaded, plus the viewer's own
 * comments still awaiting moderation (ids remembered by their browser), as {@link withOwnPendingComments}
 * places them. Never returns e-mail addresses.
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

  const [{ commentCount, page, pageCount, threadCount, approved }, ownPending] = await Promise.all([
    loadApprovedCommentPage({ db, eventId: event.id, requestedPage: options.commentPage }),
    listOwnPendingComments({ db, event, ownCommentIds }),
  ]);

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
    comments: threadComments(withOwnPendingComments(approved, ownPending, { lastPage: page === pageCount })),
  };
}

export type PublishedEvent = NonNullable<Awaited<ReturnType<typeof getPublishedEvent>>>;
