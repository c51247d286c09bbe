import { z } from "zod";
import { locales } from "@/lib/i18n/locales";
import { isTimeZone } from "@/lib/i18n/zoned-time";
import { lineText, multilineText } from "@/lib/security/clean-text";
import { MAX_EMBED_ORIGINS, toOrigin } from "@/lib/embed/embed-origins";

const isEmail = (value: string) => z.email().safeParse(value).success;

/** An http(s) address with a host and nothing that would surprise in a link: no credentials, no fragment. */
function isSiteAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) && url.hostname !== "" && !url.username && !url.password && !url.search && !url.hash;
  } catch {
    return false;
  }
}

/** What an admin edits on the site's settings page. */
export const siteSettingsInputSchema = z.object({
  organisationName: lineText(
    z.string({ error: "organisationNameRequired" }).trim().min(1, { error: "organisationNameRequired" }).max(120, { error: "organisationNameTooLong" }),
  ),
  description: lineText(z.string({ error: "descriptionTooLong" }).trim().max(300, { error: "descriptionTooLong" })).default(""),
  accentColor: z
    .string({ error: "colorInvalid" })
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, { error: "colorInvalid" })
    .transform((color) => color.toLowerCase()),
  contactEmail: z
    .string({ error: "emailInvalid" })
    .trim()
    .max(254, { error: "emailTooLong" })
    .refine((email) => email === "" || isEmail(email), { error: "emailInvalid" })
    .default(""),
  defaultLocale: z.enum(locales, { error: "localeInvalid" }),
  timeZone: z.string({ error: "timeZoneInvalid" }).trim().refine(isTimeZone, { error: "timeZoneInvalid" }),
  /** Empty: SITE_URL. */
  publicUrl: z
    .string({ error: "urlInvalid" })
    .trim()
    .max(200, { error: "urlTooLong" })
    .refine((url) => url === "" || isSiteAddress(url), { error: "urlInvalid" })
    .transform((url) => url.replace(/\/+$/, ""))
    .default(""),
  legalNotice: multilineText(z.string({ error: "legalNoticeTooLong" }).max(20_000, { error: "legalNoticeTooLong" })).default(""),
  /** Sites allowed to frame the recap box, one a line as typed; stored as their origins, one a line. */
  embedOrigins: z
    .string({ error: "embedOriginInvalid" })
    .max(5_000, { error: "embedOriginsTooMany" })
    .default("")
    .transform((text, context) => {
      const lines = text
        .split(/[\r\n,]+/)
        .map((line) => line.trim())
        .filter(Boolean);
      const origins = lines.map(toOrigin);
      if (origins.some((origin) => origin === null)) context.addIssue({ code: "custom", message: "embedOriginInvalid" });
      const unique = [...new Set(origins.filter((origin): origin is string => origin !== null))];
      if (unique.length > MAX_EMBED_ORIGINS) context.addIssue({ code: "custom", message: "embedOriginsTooMany" });
      return unique.join("\n");
    }),
});

export type SiteSettingsInput = z.infer<typeof siteSettingsInputSchema>;
