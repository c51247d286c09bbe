import { engineOf, type Database } from "@/lib/db/client";
import { AppError, invalidInput } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { eventInputSchema } from "./event-input";
import { recordAudit } from "@/lib/audit/record-audit";
import { prepareImage, storeImage } from "@/lib/assets/store-image";

/**
 * Creates an event, or updates the one at `existingSlug`; publishing and unpublishing are its status. The page
 * address comes from the title when left empty. An uploaded cover image is checked and resized (`cover`), or
 * removed (`removeCover`).
 */
export async function saveEvent(options: {
  db: Database;
  actor: Actor | null;
  existingSlug?: string;
  input: unknown;
  cover?: Blob | null;
  removeCover?: boolean;
}) {
  const { db, actor, existingSlug } = options;
  assertCan(actor, "event:edit");
  const parsed = eventInputSchema.safeParse(options.input);
  if (!parsed.success) throw invalidInput(parsed.error.issues);
  const data = parsed.data;
  const newCover = options.cover && options.cover.size > 0 ? await prepareImage({ kind: "cover", file: options.cover, field: "cover" }) : null;
  const existing = existingSlug ? await db.event.findUnique({ where: { slug: existingSlug }, select: { id: true, status: true } }) : null;
  if (existingSlug && !existing) throw new AppError("NOT_FOUND", "eventNotFound");
  const slugOwner = await db.event.findUnique({ where: { slug: data.slug }, select: { id: true } });
  if (slugOwner && slugOwner.id !== existing?.id) {
    throw new AppError("INVALID", "invalidFields", { fieldErrors: { slug: ["slugTaken"] } });
  }

  return db
    .$transaction(async (tx) => {
      // The cover in place now, read under the row's lock: two saves replacing the cover at once each delete the
      // one they replaced, and no image is left that nothing shows. (SQLite transactions here hold the write lock
      // from their start.)
      if (existing && engineOf(tx) === "postgresql") await tx.$queryRaw`SELECT id FROM "Event" WHERE id = ${existing.id} FOR UPDATE`;
      const currentCover = existing ? (await tx.event.findUnique({ where: { id: existing.id }, select: { coverAssetId: true } }))?.coverAssetId : null;
      const coverAssetId = newCover ? (await storeImage(tx, newCover)).id : options.removeCover ? null : undefined;
      const fields = { ...data, ...(coverAssetId !== undefined && { coverAssetId }) };
      const now = new Date();
      // Calendars that imported the event replace their copy when the sequence grows; feeds date it from its first
      // publication. A host saving an imported event has seen its date: it is no longer "to check".
      const event = existing
        ? await tx.event.update({
            where: { id: existing.id },
            data: { ...fields, calendarSequence: { increment: 1 }, dateToCheck: false },
            select: { id: true, slug: true, status: true },
          })
        : await tx.event.create({
            data: { ...fields, ...(fields.status === "PUBLISHED" && { firstPublishedAt: now }) },
            select: { id: true, slug: true, status: true },
          });
      if (existing && event.status === "PUBLISHED")
        await tx.event.updateMany({ where: { id: event.id, firstPublishedAt: null }, data: { firstPublishedAt: now } });
      // A replaced or removed cover is not kept.
      if (coverAssetId !== undefined && currentCover) await tx.asset.deleteMany({ where: { id: currentCover } });
      const action = !existing
        ? "event.create"
        : existing.status !== event.status
          ? event.status === "PUBLISHED"
            ? "event.publish"
            : "event.unpublish"
          : "event.edit";
      // An unpublished event mails nobody: its queued recap and confirmation e-mails not yet handed to the
      // SMTP server are cancelled with it (publishing the recap again queues the recap e-mails again).
      let cancelled = 0;
      if (action === "event.unpublish") {
        ({ count: cancelled } = await tx.outboundEmail.updateMany({
          where: { status: { in: ["PENDING", "CLAIMED"] }, OR: [{ recap: { eventId: event.id } }, { recapRequest: { eventId: event.id } }] },
          data: { status: "CANCELLED", lastError: "event unpublished", leaseOwner: null, leaseExpiresAt: null },
        }));
      }
      await recordAudit(tx, actor.id, {
        action,
        targetType: "Event",
        targetId: event.id,
        details: { slug: event.slug, status: event.status, ...(cancelled && { cancelledEmails: cancelled }) },
      });
      return event;
    })
    .catch((error: unknown) => {
      // Two people saving the same address at once: the unique index decides, the second is told.
      if ((error as { code?: string }).code === "P2002") throw new AppError("INVALID", "invalidFields", { fieldErrors: { slug: ["slugTaken"] } });
      throw error;
    });
}
