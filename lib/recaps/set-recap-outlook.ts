import type { Database } from "@/lib/db/client";
import { AppError, invalidInput } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { zonedToday } from "@/lib/i18n/zoned-time";
import { recapOutlookInputSchema } from "./recap-outlook-input";
import { recordAudit } from "@/lib/audit/record-audit";

/**
 * Sets the recap's public status before publication: nothing said yet, expected (optionally by a day),
 * or no recap planned (optionally with a sentence). Refused, changing nothing, for an event that is not
 * published or an expected day already past in the event's time zone.
 */
export async function setRecapOutlook(options: { db: Database; actor: Actor | null; eventSlug: string; input: unknown; now?: Date }) {
  const { db, actor, eventSlug } = options;
  assertCan(actor, "recap:publish");
  const now = options.now ?? new Date();
  const parsed = recapOutlookInputSchema.safeParse(options.input);
  if (!parsed.success) throw invalidInput(parsed.error.issues);
  const { outlook, expectedOn, note } = parsed.data;
  const event = await db.event.findUnique({ where: { slug: eventSlug }, select: { id: true, status: true, timeZone: true } });
  if (!event) throw new AppError("NOT_FOUND", "eventNotFound");
  if (event.status !== "PUBLISHED") throw new AppError("INVALID", "invalidFields", { fieldErrors: { outlook: ["eventNotPublished"] } });
  if (outlook === "EXPECTED" && expectedOn && expectedOn < zonedToday(now, event.timeZone)) {
    throw new AppError("INVALID", "invalidFields", { fieldErrors: { expectedOn: ["expectedDateInPast"] } });
  }
  const data = {
    recapOutlook: outlook,
    recapExpectedOn: outlook === "EXPECTED" ? (expectedOn ?? null) : null,
    recapOutlookNote: outlook === "NOT_PLANNED" ? (note ?? null) : null,
  };
  return db.$transaction(async (tx) => {
    // updatedAt moves too: the event's cached pages, on every instance, are out of date.
    await tx.event.update({ where: { id: event.id }, data: { ...data, updatedAt: now }, select: { id: true } });
    await recordAudit(tx, actor.id, { action: "recap.outlook", targetType: "Event", targetId: event.id, details: data }, now);
    return data;
  });
}
