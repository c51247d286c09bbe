import { z } from "zod";
import type { CommentStatus } from "@/lib/generated/prisma/enums";

export type ModerationContext = {
  body: string;
  authorName: string;
  authorUrl?: string;
  /** This browser holds a key a host trusted for the author's e-mail (lib/comments/commenter-key.ts). */
  authorIsKnown: boolean;
  holdWords: readonly string[];
  rejectWords: readonly string[];
};

/**
 * Why a new comment was published, held or rejected: stored on the comment as JSON (`Comment.moderationReason`)
 * and shown to hosts in the moderation queue. The codes are stored, so they never change meaning.
 */
export const moderationReasonSchema = z.discriminatedUnion("code", [
  /** A word of MODERATION_REJECT_WORDS, in the name, website or body. */
  z.object({ code: z.literal("rejectWord"), word: z.string() }),
  /** No host has yet approved a comment from this browser with this address. */
  z.object({ code: z.literal("unknownAuthor") }),
  z.object({ code: z.literal("links"), count: z.number().int() }),
  /** A word of MODERATION_HOLD_WORDS, in the name, website or body. */
  z.object({ code: z.literal("holdWord"), word: z.string() }),
  z.object({ code: z.literal("trusted") }),
]);
export type ModerationReason = z.infer<typeof moderationReasonSchema>;
export type ModerationDecision = { status: CommentStatus; reason: ModerationReason };

/** A comment with this many links is held, whoever wrote it. */
export const LINKS_TO_HOLD = 2;

/** Links a reader could follow: Markdown links, autolinks and bare URLs. */
export function countLinks(text: string): number {
  return (text.match(/(?:https?:\/\/|www\.)[^\s<>()\]]+/gi) ?? []).length;
}

/** The first word of the list the text contains, in any case; the lists are lower-case (lib/env.ts). */
function findWord(text: string, words: readonly string[]): string | undefined {
  const lower = text.toLowerCase();
  return words.find((word) => word && lower.includes(word));
}

/**
 * Whether a new comment is published at once, held for a moderator or rejected, and why.
 * Pure: the caller looks up whether the author is known.
 */
export function decideModeration(context: ModerationContext): ModerationDecision {
  const text = [context.authorName, context.authorUrl ?? "", context.body].join("\n");
  const rejectWord = findWord(text, context.rejectWords);
  if (rejectWord !== undefined) return { status: "REJECTED", reason: { code: "rejectWord", word: rejectWord } };
  if (!context.authorIsKnown) return { status: "PENDING", reason: { code: "unknownAuthor" } };
  const links = countLinks(context.body);
  if (links >= LINKS_TO_HOLD) return { status: "PENDING", reason: { code: "links", count: links } };
  const holdWord = findWord(text, context.holdWords);
  if (holdWord !== undefined) return { status: "PENDING", reason: { code: "holdWord", word: holdWord } };
  return { status: "APPROVED", reason: { code: "trusted" } };
}
