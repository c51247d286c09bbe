import type { Database } from "@/lib/db/client";
import { AppError, invalidInput } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { recapInputSchema } from "./recap-input";
import { recordAudit } from "@/lib/audit/record-audit";

/** Saves the recap's text and links (a draft, or an edit of a published recap, which notifies nobody). */
export async function saveRecap(options: { db: Database; actor: Actor | null; eventSlug: string; input: unknown }) {
  const { db, actor, eventSlug } = options;
  assertCan(actor, "recap:publish");
  const parsed = recapInputSchema.safeParse(options.input);
  if (!parsed.success) throw invalidInput(parsed.error.issues);
  const event = await db.event.findUnique({ where: { slug: eventSlug }, select: { id: true } });
  if (!event) throw new AppError("NOT_FOUND", "eventNotFound");
  const { body, links } = parsed.data;

  return db.$transaction(async (tx) => {
    const recap = await tx.recap.upsert({
      where: { eventId: event.id },
      create: { eventId: event.id, body },
      update: { body },
      select: { id: true, status: true },
    });
    await tx.recapLink.deleteMany({ where: { recapId: recap.id } });
    if (links.length) {
      await tx.recapLink.createMany({ data: links.map((link, position) => ({ ...link, recapId: recap.id, position })) });
    }
    await recordAudit(tx, actor.id, {
      action: "recap.save",
      targetType: "Recap",
      targetId: recap.id,
      details: { eventId: event.id, links: links.length, status: recap.status },
    });
    return recap;
  });
}
