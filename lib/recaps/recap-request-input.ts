import { z } from "zod";
import { locales } from "@/lib/i18n/locales";
import { lineText } from "@/lib/security/clean-text";

/** Version of the consent sentence shown beside the form; stored with each request. */
export const CONSENT_WORDING_VERSION = "2026-11-recap-v1";

/** One schema for a recap request, shared by the form's server action and the JSON API. */
export const recapRequestInputSchema = z.object({
  email: z
    .string({ error: "emailRequired" })
    .trim()
    .min(1, { error: "emailRequired" })
    .max(254, { error: "emailTooLong" })
    .pipe(z.email({ error: "emailInvalid" }))
    .transform((email) => email.toLowerCase()),
  name: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    lineText(z.string({ error: "nameTooLong" }).trim().max(100, { error: "nameTooLong" })).optional(),
  ),
  locale: z.enum(locales, { error: "localeInvalid" }).optional(),
});

export type RecapRequestInput = z.infer<typeof recapRequestInputSchema>;
