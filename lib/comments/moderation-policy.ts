import type { CommentStatus } from "@/lib/generated/prisma/enums";

export type ModerationContext = {
  body: string;
  authorName: string;
  authorUrl?: string;
  /** The author's e-mail already has an approved comment on this site. */
  authorIsKnown: boolean;
  holdWords: readonly string[];
  rejectWords: readonly string[];
};

export type ModerationDecision = { status: CommentStatus; reason: ModerationReason };
export type ModerationReason = "reject-word" | "unknown-author" | "too-many-links" | "hold-word" | "trusted";

/** Links a reader could follow: Markdown links, autolinks and bare URLs. */
export function countLinks(text: string): number {
  return (text.match(/(?:https?:\/\/|www\.)[^\s<>()\]]+/gi) ?? []).length;
}

function containsWord(text: string, words: readonly string[]): boolean {
  const lower = text.toLowerCase();
  return words.some((word) => word && lower.includes(word));
}

/**
 * Whether a new comment is published at once, held for a moderator or rejected.
 * Pure: the caller looks up whether the author is known.
 */
export function decideModeration(context: ModerationContext): ModerationDecision {
  const text = [context.authorName, context.authorUrl ?? "", context.body].join("\n");
  if (containsWord(text, context.rejectWords)) return { status: "REJECTED", reason: "reject-word" };
  if (!context.authorIsKnown) return { status: "PENDING", reason: "unknown-author" };
  if (countLinks(context.body) >= 2) return { status: "PENDING", reason: "too-many-links" };
  if (containsWord(text, context.holdWords)) return { status: "PENDING", reason: "hold-word" };
  return { status: "APPROVED", reason: "trusted" };
}
