import { z } from "zod";
import { lineText, multilineText } from "@/lib/security/clean-text";

import { COMMENT_LIMITS } from "./comment-limits";

export { COMMENT_LIMITS };

const optionalText = (schema: z.ZodType<string>) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema.optional());

/**
 * One schema for a new comment, used by the server action, the JSON API and the form's field errors.
 * Messages are keys under "errors" in messages/*.json.
 */
export const commentInputSchema = z.object({
  authorName: lineText(z.string({ error: "nameRequired" }).trim().min(1, { error: "nameRequired" }).max(COMMENT_LIMITS.authorName, { error: "nameTooLong" })),
  authorEmail: z
    .string({ error: "emailRequired" })
    .trim()
    .min(1, { error: "emailRequired" })
    .max(COMMENT_LIMITS.authorEmail, { error: "emailTooLong" })
    .pipe(z.email({ error: "emailInvalid" }))
    .transform((email) => email.toLowerCase()),
  authorUrl: optionalText(
    z
      .string({ error: "urlInvalid" })
      .trim()
      .max(COMMENT_LIMITS.authorUrl, { error: "urlTooLong" })
      .pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: "urlInvalid" })),
  ),
  body: multilineText(z.string({ error: "bodyRequired" }).trim().min(1, { error: "bodyRequired" }).max(COMMENT_LIMITS.body, { error: "bodyTooLong" })),
  parentId: optionalText(z.string({ error: "parentInvalid" }).max(40, { error: "parentInvalid" })),
  /** Also ask to be e-mailed when the recap is published (double opt-in, like the recap form). */
  notifyWhenRecapPublished: z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean()).optional(),
});

export type CommentInput = z.infer<typeof commentInputSchema>;

export type CommentFieldErrors = Partial<Record<keyof CommentInput, string[]>>;

export function commentFieldErrors(error: z.ZodError): CommentFieldErrors {
  return z.flattenError(error).fieldErrors as CommentFieldErrors;
}
