import { z } from "zod";
import { locales } from "@/lib/i18n/locales";

/** A host's own preferences: the language of their e-mails, and whether they get the weekly digest. */
export const userPreferencesInputSchema = z.object({
  locale: z.enum(locales, { error: "localeInvalid" }),
  digest: z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean()),
});
