import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import type { OutboundEmailStatus } from "@/lib/generated/prisma/enums";
import { recapCounts } from "./recap-counts";

/**
 * The recap editor's data: the event and its recap, the recap's public status, the people waiting,
 * sent and withdrawn, and the delivery report — the publication's fan-out still being prepared, the
 * e-mails per status, and the ambiguous ones in detail for the host to decide on.
 */
export async function getRecapForEditing(options: { db: Database; actor: Actor | null; eventSlug: string }) {
  const { db, actor, eventSlug } = options;
  assertCan(actor, "recap:publish");
  const event = await db.event.findUnique({
    where: { slug: eventSlug },
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      timeZone: true,
      recapOutlook: true,
      recapExpectedOn: true,
      recapOutlookNote: true,
      recap: {
        select: {
          id: true,
          body: true,
          status: true,
          publishedAt: true,
          links: { orderBy: { position: "asc" }, select: { kind: true, title: true, url: true } },
        },
      },
    },
  });
  if (!event) throw new AppError("NOT_FOUND", "eventNotFound");
  const recapId = event.recap?.id;
  const [counts, delivery, fanouts, ambiguous, unansweredAskers] = await Promise.all([
    recapCounts(db, event.id),
    recapId ? db.outboundEmail.groupBy({ by: ["status"], where: { recapId }, _count: { _all: true } }) : [],
    recapId
      ? db.job.findMany({
          where: { kind: "recap-fanout", dedupeKey: { startsWith: `recap-fanout:${recapId}:` }, status: { in: ["PENDING", "RUNNING"] } },
          select: { progress: true, total: true },
        })
      : [],
    recapId
      ? db.outboundEmail.findMany({
          where: { recapId, status: "AMBIGUOUS" },
          orderBy: { createdAt: "asc" },
          take: 50,
          select: { id: true, toAddress: true, lastError: true, attempts: true },
        })
      : [],
    // Approved comments that asked for the recap and have no "the recap is online" reply yet.
    db.comment.count({ where: { eventId: event.id, status: "APPROVED", asksForRecap: true, isRecapNotice: false, recapNotice: { is: null } } }),
  ]);
  const report = Object.fromEntries(delivery.map((row) => [row.status, row._count._all])) as Partial<Record<OutboundEmailStatus, number>>;
  const preparing = fanouts.length
    ? { done: fanouts.reduce((sum, job) => sum + job.progress, 0), total: fanouts.reduce((sum, job) => sum + (job.total ?? 0), 0) }
    : null;
  return {
    slug: event.slug,
    title: event.title,
    eventPublished: event.status === "PUBLISHED",
    timeZone: event.timeZone,
    outlook: { outlook: event.recapOutlook, expectedOn: event.recapExpectedOn, note: event.recapOutlookNote },
    counts,
    recap: event.recap,
    report,
    preparing,
    ambiguous,
    unansweredAskers,
  };
}
