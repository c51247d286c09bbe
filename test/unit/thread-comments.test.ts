import { describe, expect, it } from "vitest";
import { threadComments, withOwnPendingComments, type PublicComment } from "@/lib/comments/thread-comments";

const comment = (id: string, parentId: string | null = null): PublicComment => ({
  id,
  parentId,
  authorName: id,
  authorUrl: null,
  byHost: false,
  body: id,
  status: "APPROVED",
  createdAt: new Date(),
});

describe("comment threads", () => {
  it("nests replies under their parent, keeping order", () => {
    const threads = threadComments([comment("a"), comment("b"), comment("a1", "a"), comment("a1x", "a1"), comment("a2", "a")]);
    expect(threads.map((t) => t.id)).toEqual(["a", "b"]);
    expect(threads[0].replies.map((t) => t.id)).toEqual(["a1", "a2"]);
    expect(threads[0].replies[0].replies.map((t) => t.id)).toEqual(["a1x"]);
  });

  it("shows a reply whose parent is not visible at the top level rather than losing it", () => {
    expect(threadComments([comment("r", "hidden")]).map((t) => t.id)).toEqual(["r"]);
  });
});

describe("a reader's own held comments on a page of the thread", () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 10, 30, 10, minute));
  const approved = (id: string, minute: number, parentId: string | null = null): PublicComment => ({ ...comment(id, parentId), createdAt: at(minute) });
  const held = (id: string, minute: number, parentId: string | null = null): PublicComment => ({ ...approved(id, minute, parentId), status: "PENDING" });
  const ids = (list: PublicComment[]) => list.map((c) => c.id);
  // a ← a1 ← a1x ← a1xy (the deepest level), b
  const page = [approved("a", 0), approved("a1", 1, "a"), approved("a1x", 2, "a1"), approved("a1xy", 3, "a1x"), approved("b", 4)];

  it("places each in time order, under the comment it answers, and their replies to their own held replies too", () => {
    const mine = [held("m2", 9, "m1"), held("m1", 8, "a"), held("m0", 5, "b")];
    expect(ids(withOwnPendingComments(page, mine, { lastPage: false }))).toEqual(["a", "a1", "a1x", "a1xy", "b", "m0", "m1", "m2"]);
    const [a, b] = threadComments(withOwnPendingComments(page, mine, { lastPage: false }));
    expect(ids(a.replies)).toEqual(["a1", "m1"]);
    expect(ids(a.replies[1].replies)).toEqual(["m2"]);
    expect(ids(b.replies)).toEqual(["m0"]);
  });

  it("opens their new conversations at the end of the last page only", () => {
    const mine = [held("new", 6)];
    expect(ids(withOwnPendingComments(page, mine, { lastPage: true }))).toEqual(["a", "a1", "a1x", "a1xy", "b", "new"]);
    expect(ids(withOwnPendingComments(page, mine, { lastPage: false }))).toEqual(["a", "a1", "a1x", "a1xy", "b"]);
  });

  it("leaves out replies to comments not on this page, and none deeper than the thread goes", () => {
    const mine = [held("elsewhere", 6, "other-page"), held("too-deep", 7, "a1xy"), held("under-hidden", 8, "elsewhere")];
    expect(ids(withOwnPendingComments(page, mine, { lastPage: true }))).toEqual(ids(page));
  });
});
