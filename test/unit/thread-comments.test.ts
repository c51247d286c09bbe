import { describe, expect, it } from "vitest";
import { threadComments, type PublicComment } from "@/lib/comments/thread-comments";

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
