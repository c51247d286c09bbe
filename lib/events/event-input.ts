import { z } from "zod";
import { locales } from "@/lib/i18n/locales";
import { isPlainDateTime, isTimeZone, zonedLocalToUtc } from "@/lib/i18n/zoned-time";
import { lineText, multilineText } from "@/lib/security/clean-text";
import { slugify } from "./slugify";

const localDateTime = z.string({ error: "dateInvalid" }).refine(isPlainDateTime, { error: "dateInvalid" });

/** An event as a host edits it; dates are wall-clock times in the event's own time zone. */
export const eventInputSchema = z
  .object({
    /** Left empty, it is made from the title (lib/events/slugify.ts). */
    slug: z
      .string({ error: "slugInvalid" })
      .trim()
      .toLowerCase()
      .refine((slug) => slug === "" || (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) && slug.length >= 3 && slug.length <= 80), { error: "slugInvalid" })
      .default(""),
    title: lineText(z.string({ error: "titleRequired" }).trim().min(1, { error: "titleRequired" }).max(200, { error: "titleTooLong" })),
    timeZone: z.string().trim().refine(isTimeZone, { error: "timeZoneInvalid" }),
    startsAt: localDateTime,
    endsAt: localDateTime,
    venueName: lineText(z.string({ error: "venueRequired" }).trim().min(1, { error: "venueRequired" }).max(200, { error: "venueTooLong" })),
    venueAddress: lineText(z.string({ error: "venueTooLong" }).trim().max(300, { error: "venueTooLong" })).default(""),
    hostNames: multilineText(z.string({ error: "hostsTooLong" }).trim().max(1000, { error: "hostsTooLong" })).default(""),
    summary: lineText(z.string({ error: "summaryRequired" }).trim().min(1, { error: "summaryRequired" }).max(500, { error: "summaryTooLong" })),
    topic: multilineText(z.string({ error: "topicTooLong" }).trim().max(50_000, { error: "topicTooLong" })).default(""),
    language: z.enum(locales, { error: "localeInvalid" }),
    status: z.enum(["DRAFT", "PUBLISHED"], { error: "statusInvalid" }),
  })
  .transform((event) => ({
    ...event,
    slug: event.slug || slugify(event.title),
    startsAt: zonedLocalToUtc(event.startsAt, event.timeZone),
    endsAt: zonedLocalToUtc(event.endsAt, event.timeZone),
    hostNames: event.hostNames
      .split(/\r?\n/)
      .map((name) => name.trim())
      .filter(Boolean)
      .join("\n"),
  }))
  .refine((event) => event.endsAt > event.startsAt, { error: "endBeforeStart", path: ["endsAt"] });
