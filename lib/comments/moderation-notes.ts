import { z } from "zod";
import type { Translate } from "@/lib/i18n/messages";
import { type ModerationReason, moderationReasonSchema } from "./moderation-policy";

/**
 * What a comment keeps for its hosts: why it was published, held or rejected when posted, and the words that made
 * it look like a recap request. Stored as JSON text in `Comment.moderationReason` and `Comment.recapCues`.
 */
export type ModerationNotes = { moderationReason: ModerationReason | null; recapCues: string[] };

const recapCuesSchema = z.array(z.string());

export function storeModerationNotes(notes: { reason: ModerationReason; recapCues: string[] }) {
  return {
    moderationReason: JSON.stringify(notes.reason),
    recapCues: notes.recapCues.length > 0 ? JSON.stringify(notes.recapCues) : null,
  };
}

/** Nothing for imported comments and those posted before these were kept. */
export function readModerationNotes(stored: { moderationReason: string | null; recapCues: string | null }): ModerationNotes {
  return {
    moderationReason: readJson(moderationReasonSchema, stored.moderationReason),
    recapCues: readJson(recapCuesSchema, stored.recapCues) ?? [],
  };
}

function readJson<T>(schema: z.ZodType<T>, stored: string | null): T | null {
  if (stored === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch (error) {
    // Not JSON, so not something this code wrote: show nothing rather than fail the whole queue.
    if (error instanceof SyntaxError) return null;
    throw error;
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The sentence hosts read under a comment in the moderation queue. */
export function describeModerationReason(reason: ModerationReason, t: Translate<"dashboard">): string {
  switch (reason.code) {
    case "rejectWord":
      return t("reasonRejectWord", { word: reason.word });
    case "unknownAuthor":
      return t("reasonUnknownAuthor");
    case "links":
      return t("reasonLinks", { count: reason.count });
    case "holdWord":
      return t("reasonHoldWord", { word: reason.word });
    case "trusted":
      return t("reasonTrusted");
  }
}
