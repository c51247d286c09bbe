// A reader who posted a comment still awaiting moderation sees it on the event's page, marked as such, and
// nobody else does: their page is rendered for them alone. Once the comment is moderated, their page is the
// one every reader gets again, served from the page cache.
import { describe, expect, it } from "vitest";
import { listOwnPendingComments } from "@/lib/comments/list-own-pending-comments";
import { createDatabase } from "@/lib/db/client";
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
  });

  it("gives them everyone's page once their comments were moderated, on other events, or when they posted none", async () => {
    const event = await createEvent(db);
    const other = await createEvent(db);
    const approved = await createComment(db, event.id);
    const rejected = await createComment(db, event.id, { status: "REJECTED" });
    const heldElsewhere = await createComment(db, other.id, { status: "PENDING" });
    const pending = (ownCommentIds: string[]) => listOwnPendingComments({ db, event: { slug: event.slug }, ownCommentIds });
    expect(await pending([approved.id, rejected.id, heldElsewhere.id])).toEqual([]);
    expect(await pending(["unknowncommentid000000000"])).toEqual([]);
    expect(await pending([])).toEqual([]);
    // Another reader's held comment does not make this reader's page personal.
    await createComment(db, event.id, { status: "PENDING" });
    expect(await pending([approved.id])).toEqual([]);
  });
});
