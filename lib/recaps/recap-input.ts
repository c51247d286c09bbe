import { z } from "zod";
import { lineText, multilineText } from "@/lib/security/clean-text";
import { RECAP_LINK_KINDS } from "./recap-choices";

export { RECAP_LINK_KINDS };

const recapLinkSchema = z.object({
  kind: z.enum(RECAP_LINK_KINDS, { error: "linkKindInvalid" }),
  title: lineText(z.string({ error: "linkTitleRequired" }).trim().min(1, { error: "linkTitleRequired" }).max(200, { error: "linkTitleTooLong" })),
  url: z
    .string()
    .trim()
    .max(2000, { error: "urlTooLong" })
    .pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: "urlInvalid" })),
});

/** A recap as the host edits it: the Markdown write-up and its typed links. */
export const recapInputSchema = z.object({
  body: multilineText(z.string({ error: "recapBodyRequired" }).trim().min(1, { error: "recapBodyRequired" }).max(50_000, { error: "recapBodyTooLong" })),
  links: z.array(recapLinkSchema).max(20).default([]),
});

export type RecapInput = z.infer<typeof recapInputSchema>;
