import { engineOf, type Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";

/**
 * Deletes an event with everything attached to it — comments, recap requests (and the e-mails to those people,
 * sent or not), the recap — after the host confirmed, in one transaction; the audit row keeps what was deleted.
 */
export async function deleteEvent(options: { db: Database; actor: Actor | null; slug: string; confirmed: boolean; now?: Date }) {
  const { db, actor } = options;
  assertCan(actor, "event:edit");
  if (!options.confirmed) throw new AppError("INVALID", "invalidFields", { fieldErrors: { confirm: ["deleteNotConfirmed"] } });
  return db.$transaction(async (tx) => {
    // Locked, so a save replacing the cover at the same moment cannot leave its new image behind.
    if (engineOf(tx) === "postgresql") await tx.$queryRaw`SELECT id FROM "Event" WHERE slug = ${options.slug} FOR UPDATE`;
    const event = await tx.event.findUnique({
      where: { slug: options.slug },
      select: { id: true, slug: true, title: true, coverAssetId: true, importKey: true, _count: { select: { comments: true, recapRequests: true } } },
    });
    if (!event) throw new AppError("NOT_FOUND", "eventNotFound");
    // Addresses leave with the requests: the e-mails to them too, sent or not.
    await tx.outboundEmail.deleteMany({ where: { OR: [{ recapRequest: { eventId: event.id } }, { recap: { eventId: event.id } }] } });
    await tx.event.delete({ where: { id: event.id }, select: { id: true } });
    // An imported event stays deleted when the same export is imported again.
    if (event.importKey)
      await tx.deletedImport.upsert({
        where: { importKey: event.importKey },
        create: { importKey: event.importKey, deletedAt: options.now ?? new Date() },
        update: {},
      });
    if (event.coverAssetId) await tx.asset.deleteMany({ where: { id: event.coverAssetId } });
    await recordAudit(
      tx,
      actor.id,
      {
        action: "event.delete",
        targetType: "Event",
        targetId: event.id,
        details: { slug: event.slug, title: event.title, comments: event._count.comments, requests: event._count.recapRequests },
      },
      options.now,
    );
    return { title: event.title };
  });
}
