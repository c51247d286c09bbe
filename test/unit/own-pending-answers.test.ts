import { describe, expect, it } from "vitest";
import type { PublicComment } from "@/lib/comments/thread-comments";
import { OwnPendingAnswers } from "@/lib/http/own-pending-answers";

const held = (id: string, body = "En attente"): PublicComment => ({
  id,
  parentId: null,
  authorName: "Camille",
  authorUrl: null,
  body,
  status: "PENDING",
  createdAt: new Date("2026-11-30T10:00:00Z"),
  byHost: false,
});

function answersWith(state: { now: number; lastWrite: number; pending: PublicComment[]; fail?: boolean }) {
  let reads = 0;
  const answers = new OwnPendingAnswers({
    read: async () => {
      reads++;
      if (state.fail) throw new Error("database busy");
      return state.pending;
    },
    maxAgeMs: 5_000,
    maxEntries: 3,
    now: () => state.now,
    lastWriteAt: () => state.lastWrite,
  });
  return { answers, reads: () => reads };
}

describe("a reader's comments awaiting moderation, remembered per page version", () => {
  it("asks the database once while the page and the reader's cookie are unchanged, whatever the order of the ids", async () => {
    const state = { now: 1_000, lastWrite: 0, pending: [held("a")] };
    const { answers, reads } = answersWith(state);
    expect(await answers.get("atelier", ["a", "b"], "v1")).toEqual([held("a")]);
    expect(await answers.get("atelier", ["b", "a"], "v1")).toEqual([held("a")]);
    expect(reads()).toBe(1);
    // Another event, or another cookie (the reader posted again): asked again.
    await answers.get("autre", ["a", "b"], "v1");
    await answers.get("atelier", ["a", "b", "c"], "v1");
    expect(reads()).toBe(3);
  });

  it("asks again when the page's version moved on (a comment moderated), after a few seconds, or after this process wrote", async () => {
    const state = { now: 1_000, lastWrite: 0, pending: [held("a")] };
    const { answers, reads } = answersWith(state);
    await answers.get("atelier", ["a"], "v1");
    state.pending = [];
    expect(await answers.get("atelier", ["a"], "v2")).toEqual([]);
    expect(reads()).toBe(2);
    state.pending = [held("a")];
    state.now += 4_999;
    expect(await answers.get("atelier", ["a"], "v2")).toEqual([]);
    state.now += 1;
    expect(await answers.get("atelier", ["a"], "v2")).toEqual([held("a")]);
    expect(reads()).toBe(3);
    state.lastWrite = state.now;
    state.pending = [];
    expect(await answers.get("atelier", ["a"], "v2")).toEqual([]);
    expect(reads()).toBe(4);
  });

  it("does not remember a failed read or a large answer, and keeps a bounded number of answers", async () => {
    const state = { now: 1_000, lastWrite: 0, pending: [held("a")], fail: true };
    const { answers, reads } = answersWith(state);
    await expect(answers.get("atelier", ["a"], "v1")).rejects.toThrow("database busy");
    state.fail = false;
    expect(await answers.get("atelier", ["a"], "v1")).toEqual([held("a")]);
    expect(reads()).toBe(2);
    state.pending = [held("long", "x".repeat(20_000))];
    await answers.get("atelier", ["long"], "v1");
    await answers.get("atelier", ["long"], "v1");
    expect(reads()).toBe(4);
    state.pending = [];
    for (const id of ["b", "c", "d"]) await answers.get("atelier", [id], "v1");
    // "a" was the oldest of four remembered answers: dropped.
    await answers.get("atelier", ["a"], "v1");
    expect(reads()).toBe(8);
    await answers.get("atelier", ["d"], "v1");
    expect(reads()).toBe(8);
  });
});
