import { z } from "zod";
import { locales } from "@/lib/i18n/locales";
import { isPlainDateTime, isTimeZone, zonedLocalToUtc } from "@/lib/i18n/zoned-time";

const localDateTime = z.string({ error: "dateInvalid" }).refine(isPlainDateTime, { error: "dateInvalid" });

/** An event as a host edits it; dates are wall-clock times in the event's own time zone. */
export const eventInputSchema = z
  .object({
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "slugInvalid" })
      .min(3, { error: "slugInvalid" })
      .max(80, { error: "slugInvalid" }),
    title: z.string().trim().min(1, { error: "titleRequired" }).max(200, { error: "titleTooLong" }),
    timeZone: z.string().trim().refine(isTimeZone, { error: "timeZoneInvalid" }),
    startsAt: localDateTime,
    endsAt: localDateTime,
    venueName: z.string().trim().min(1, { error: "venueRequired" }).max(200, { error: "venueTooLong" }),
    venueAddress: z.string().trim().max(300, { error: "venueTooLong" }).default(""),
    hostNames: z.string().trim().max(1000, { error: "hostsTooLong" }).default(""),
    summary: z.string().trim().min(1, { error: "summaryRequired" }).max(500, { error: "summaryTooLong" }),
    topic: z.string().trim().max(50_000, { error: "topicTooLong" }).default(""),
    language: z.enum(locales),
    status: z.enum(["DRAFT", "PUBLISHED"]),
  })
  .transform((event) => ({
    ...event,
    startsAt: zonedLocalToUtc(event.startsAt, event.timeZone),
    endsAt: zonedLocalToUtc(event.endsAt, event.timeZone),
    hostNames: event.hostNames.split(/\r?\n/).map((name) => name.trim()).filter(Boolean).join("\n"),
  }))
  .refine((event) => event.endsAt > event.startsAt, { error: "endBeforeStart", path: ["endsAt"] });
