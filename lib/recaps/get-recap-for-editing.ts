import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import type { OutboundEmailStatus } from "@/lib/generated/prisma/enums";

/** The recap editor's data: the event, its recap if any, the people waiting, and the delivery report. */
export async function getRecapForEditing(options: { db: Database; actor: Actor | null; eventSlug: string }) {
  const { db, actor, eventSlug } = options;
  assertCan(actor, "recap:publish");
  const event = await db.event.findUnique({
    where: { slug: eventSlug },
    select: {
      id: true,
      slug: true,
      title: true,
      _count: { select: { recapRequests: { where: { status: "CONFIRMED" } } } },
      recap: {
        select: { id: true, body: true, status: true, publishedAt: true, links: { orderBy: { position: "asc" }, select: { kind: true, title: true, url: true } } },
      },
    },
  });
  if (!event) throw new AppError("NOT_FOUND", "eventNotFound");
  const delivery = event.recap
    ? await db.outboundEmail.groupBy({ by: ["status"], where: { recapId: event.recap.id }, _count: { _all: true } })
    : [];
  // Approved comments that asked for the recap and have no "the recap is online" reply yet.
  const unansweredAskers = await db.comment.count({
    where: { eventId: event.id, status: "APPROVED", asksForRecap: true, replies: { none: { isRecapNotice: true } } },
  });
  const report = Object.fromEntries(delivery.map((row) => [row.status, row._count._all])) as Partial<Record<OutboundEmailStatus, number>>;
  return { slug: event.slug, title: event.title, waiting: event._count.recapRequests, recap: event.recap, report, unansweredAskers };
}
