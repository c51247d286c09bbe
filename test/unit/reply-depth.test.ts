// Where a reply goes: nested under the comment answered, down to the deepest level the page shows, then beside it.
import { describe, expect, it } from "vitest";
import { MAX_REPLY_DEPTH, replyPlacement } from "@/lib/comments/reply-depth";

describe("where a reply goes", () => {
  it("nests under the comment it answers, one level deeper", () => {
    expect(replyPlacement({ id: "first", parentId: null, depth: 0 })).toEqual({ parentId: "first", depth: 1 });
    expect(replyPlacement({ id: "second", parentId: "first", depth: MAX_REPLY_DEPTH - 1 })).toEqual({ parentId: "second", depth: MAX_REPLY_DEPTH });
  });

  it("goes beside a reply at the deepest level, under the same parent, so it is still shown", () => {
    expect(replyPlacement({ id: "deepest", parentId: "above", depth: MAX_REPLY_DEPTH })).toEqual({ parentId: "above", depth: MAX_REPLY_DEPTH });
  });
});
