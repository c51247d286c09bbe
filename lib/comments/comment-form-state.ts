import type { CommentStatus } from "@/lib/generated/prisma/enums";

/** What the comment form shows after a submission; message texts are keys under "errors". */
export type CommentFormState = {
  status: "idle" | "error" | "success";
  /** Increases with each submission so the form re-mounts with the values below. */
  submission: number;
  commentStatus?: CommentStatus;
  messageKey?: string;
  retryAfterSeconds?: number;
  fieldErrors?: Record<string, string[]>;
  /** What the reader typed, given back on error so nothing they wrote is lost. */
  values?: { authorName: string; authorEmail: string; authorUrl: string; body: string };
};

export const initialCommentFormState: CommentFormState = { status: "idle", submission: 0 };
