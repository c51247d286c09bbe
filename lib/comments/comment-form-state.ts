import type { ErrorKey, FieldErrors } from "@/lib/errors";
import type { CommentStatus } from "@/lib/generated/prisma/enums";

/** What the comment form shows after a submission; message texts are keys under "errors". */
export type CommentFormState = {
  status: "idle" | "error" | "success";
  /** Increases with each submission so the form re-mounts with the values below. */
  submission: number;
  commentStatus?: CommentStatus;
  /** The comment asks for the recap: the form offers to notify its author. */
  asksForRecap?: boolean;
  recapRequest?: "requested" | "not-requested" | "refused";
  /** The recap was already published when the comment was posted. */
  recapPublished?: boolean;
  messageKey?: ErrorKey;
  retryAfterSeconds?: number;
  fieldErrors?: FieldErrors;
  /** What the reader typed, given back on error so nothing they wrote is lost. */
  values?: { authorName: string; authorEmail: string; authorUrl: string; body: string; notifyWhenRecapPublished?: boolean };
};

export const initialCommentFormState: CommentFormState = { status: "idle", submission: 0 };
