import type { Database } from "@/lib/db/client";
import { AppError, invalidInput } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { eventInputSchema } from "./event-input";

/** Creates an event, or updates the one at `existingSlug`; publishing and unpublishing are its status. */
export async function saveEvent(options: { db: Database; actor: Actor | null; existingSlug?: string; input: unknown }) {
  const { db, actor, existingSlug } = options;
  assertCan(actor, "event:edit");
  const parsed = eventInputSchema.safeParse(options.input);
  if (!parsed.success) throw invalidInput(parsed.error.issues);
  const data = parsed.data;
  const existing = existingSlug ? await db.event.findUnique({ where: { slug: existingSlug }, select: { id: true, status: true } }) : null;
  if (existingSlug && !existing) throw new AppError("NOT_FOUND", "eventNotFound");
  const slugOwner = await db.event.findUnique({ where: { slug: data.slug }, select: { id: true } });
  if (slugOwner && slugOwner.id !== existing?.id) {
    throw new AppError("INVALID", "invalidFields", { fieldErrors: { slug: ["slugTaken"] } });
  }

  return db.$transaction(async (tx) => {
    const event = existing
      ? await tx.event.update({ where: { id: existing.id }, data, select: { id: true, slug: true, status: true } })
      : await tx.event.create({ data, select: { id: true, slug: true, status: true } });
    const action = !existing ? "event.create" : existing.status !== event.status ? (event.status === "PUBLISHED" ? "event.publish" : "event.unpublish") : "event.edit";
    // An unpublished event mails nobody: its queued recap and confirmation e-mails not yet handed to the
    // SMTP server are cancelled with it (publishing the recap again queues the recap e-mails again).
    let cancelled = 0;
    if (action === "event.unpublish") {
      ({ count: cancelled } = await tx.outboundEmail.updateMany({
        where: { status: { in: ["PENDING", "CLAIMED"] }, OR: [{ recap: { eventId: event.id } }, { recapRequest: { eventId: event.id } }] },
        data: { status: "CANCELLED", lastError: "event unpublished", leaseOwner: null, leaseExpiresAt: null },
      }));
    }
    await tx.auditLog.create({
      data: { actorId: actor.id, action, targetType: "Event", targetId: event.id, details: JSON.stringify({ slug: event.slug, status: event.status, ...(cancelled && { cancelledEmails: cancelled }) }) },
    });
    return event;
  });
}

/** The event as the editor shows it. */
export async function getEventForEditing(options: { db: Database; actor: Actor | null; slug: string }) {
  assertCan(options.actor, "event:edit");
  const event = await options.db.event.findUnique({
    where: { slug: options.slug },
    select: { slug: true, title: true, timeZone: true, startsAt: true, endsAt: true, venueName: true, venueAddress: true, hostNames: true, summary: true, topic: true, language: true, status: true },
  });
  if (!event) throw new AppError("NOT_FOUND", "eventNotFound");
  return event;
}
