// A reader who posted a comment still awaiting moderation sees it on the event's page, marked as such, and
// nobody else does: their page is rendered for them alone. Once the comment is moderated, their page is the
// one every reader gets again, served from the page cache.
import { describe, expect, it } from "vitest";
import { listOwnPendingComments } from "@/lib/comments/list-own-pending-comments";
import { getCommentThreadPage } from "@/lib/comments/get-comment-thread-page";
import { THREADS_PER_PAGE } from "@/lib/comments/load-approved-comment-page";
import { threadComments, withOwnPendingComments } from "@/lib/comments/thread-comments";
import { createDatabase } from "@/lib/db/client";
import { getPublishedEvent } from "@/lib/events/get-event";
import { getSiteSettings } from "@/lib/settings/site-settings";
import { createComment, createEvent } from "../factories";

const db = createDatabase();

describe("a reader's own comments and the shared page", () => {
  it("makes the page theirs alone while one of their comments on this event awaits moderation, top-level or a reply", async () => {
    const event = await createEvent(db);
    const approved = await createComment(db, event.id);
    const held = await createComment(db, event.id, { status: "PENDING" });
    const heldReply = await createComment(db, event.id, { status: "PENDING", parentId: approved.id, depth: 1 });
    const pending = (ownCommentIds: string[]) =>
      listOwnPendingComments({ db, event: { slug: event.slug }, ownCommentIds }).then((list) => list.map((c) => c.id));
    expect(await pending([held.id])).toEqual([held.id]);
    expect(await pending([approved.id, heldReply.id])).toEqual([heldReply.id]);
    // Oldest first, whatever order the cookie and the database hold them in.
    const later = await createComment(db, event.id, { status: "PENDING", createdAt: new Date(Date.now() + 60_000) });
    const earlier = await createComment(db, event.id, { status: "PENDING", createdAt: new Date(Date.now() - 7 * 86_400_000) });
    expect(await pending([later.id, earlier.id])).toEqual([earlier.id, later.id]);
  });

  it("gives them everyone's page once their comments were moderated, on other events, or when they posted none", async () => {
    const event = await createEvent(db);
    const other = await createEvent(db);
    const approved = await createComment(db, event.id);
    const rejected = await createComment(db, event.id, { status: "REJECTED" });
    const heldElsewhere = await createComment(db, other.id, { status: "PENDING" });
    const pending = (ownCommentIds: string[]) => listOwnPendingComments({ db, event: { slug: event.slug }, ownCommentIds });
    expect(await pending([approved.id, rejected.id, heldElsewhere.id])).toEqual([]);
    // The same, with the event named by its id (the page cache's reader path).
    expect(await listOwnPendingComments({ db, event: { id: event.id }, ownCommentIds: [approved.id, rejected.id, heldElsewhere.id] })).toEqual([]);
    expect((await listOwnPendingComments({ db, event: { id: other.id }, ownCommentIds: [heldElsewhere.id] })).map((c) => c.id)).toEqual([heldElsewhere.id]);
    expect(await pending(["unknowncommentid000000000"])).toEqual([]);
    expect(await pending([])).toEqual([]);
    // Another reader's held comment does not make this reader's page personal.
    await createComment(db, event.id, { status: "PENDING" });
    expect(await pending([approved.id])).toEqual([]);
  });

  it("builds the reader's thread from the approved comments of the page and their held ones exactly as the page rendered for them", async () => {
    const event = await createEvent(db, { timeZone: "America/Montreal" });
    const at = (minute: number) => new Date(Date.UTC(2026, 2, 10, 20, minute));
    const first = await createComment(db, event.id, { createdAt: at(1) });
    const second = await createComment(db, event.id, { createdAt: at(2) });
    const reply = await createComment(db, event.id, { createdAt: at(3), parentId: first.id, depth: 1 });
    const heldReply = await createComment(db, event.id, { status: "PENDING", createdAt: at(4), parentId: reply.id, depth: 2 });
    const heldNew = await createComment(db, event.id, { status: "PENDING", createdAt: at(5) });
    await createComment(db, event.id, { status: "PENDING", createdAt: at(6) }); // someone else's
    const ownCommentIds = [heldReply.id, heldNew.id];

    const thread = await getCommentThreadPage({ db, slug: event.slug, requestedPage: 7, locale: "en" });
    expect(thread).toMatchObject({ context: { locale: "en", timeZone: "America/Montreal", eventSlug: event.slug, commentPage: 1 }, lastPage: true });
    expect(thread!.approved.map((comment) => comment.id)).toEqual([first.id, second.id, reply.id]);
    const own = await listOwnPendingComments({ db, event: { slug: event.slug }, ownCommentIds });
    const rendered = await getPublishedEvent({ db, slug: event.slug, ownCommentIds, commentPage: 7 });
    expect(threadComments(withOwnPendingComments(thread!.approved, own, { lastPage: thread!.lastPage }))).toEqual(rendered!.comments);
    // Without a language of the reader's, the site's.
    expect((await getCommentThreadPage({ db, slug: event.slug, requestedPage: 1, locale: "default" }))?.context.locale).toBe(
      (await getSiteSettings(db)).defaultLocale,
    );
    // With more conversations than a page holds, the reader's new held conversation goes at the end: on the last
    // page, not on the first, as on the page rendered for them.
    const busy = await createEvent(db);
    for (let index = 0; index <= THREADS_PER_PAGE; index++) await createComment(db, busy.id, { createdAt: at(index) });
    const heldLast = await createComment(db, busy.id, { status: "PENDING", createdAt: at(59) });
    const ownBusy = await listOwnPendingComments({ db, event: { slug: busy.slug }, ownCommentIds: [heldLast.id] });
    for (const [commentPage, lastPage] of [
      [1, false],
      [2, true],
    ] as const) {
      const busyThread = (await getCommentThreadPage({ db, slug: busy.slug, requestedPage: commentPage, locale: "fr" }))!;
      expect(busyThread.lastPage).toBe(lastPage);
      const shown = withOwnPendingComments(busyThread.approved, ownBusy, { lastPage: busyThread.lastPage });
      const renderedBusy = await getPublishedEvent({ db, slug: busy.slug, ownCommentIds: [heldLast.id], commentPage });
      expect(threadComments(shown)).toEqual(renderedBusy!.comments);
      expect(shown.some((comment) => comment.id === heldLast.id)).toBe(lastPage);
    }
    // An event that is not public has no thread.
    const draft = await createEvent(db, { status: "DRAFT" });
    expect(await getCommentThreadPage({ db, slug: draft.slug, requestedPage: 1, locale: "fr" })).toBeNull();
  });
});
