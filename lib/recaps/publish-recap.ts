import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { enqueueJob } from "@/lib/jobs/job-queue";
import { replyToRecapAskers } from "./reply-to-recap-askers";
import { waitingForRecap } from "./recap-counts";
import { recordAudit } from "@/lib/audit/record-audit";

/**
 * Publishes an event's recap. The transaction records the publication and one `recap-fanout` job; the
 * workers expand that job into one e-mail per confirmed requester (lib/recaps/expand-recap-fanout.ts), so
 * the host's request returns at once however many people asked. Every e-mail's dedupeKey is
 * (recap, request): publishing again, or after an edit, mails nobody twice, and people who confirmed since
 * the last publication are mailed then (or at once on confirming, lib/recaps/confirm-recap-request.ts).
 * With `replyToAskers`, the host also answers under every approved comment that asked for the recap —
 * now, and under those approved later — once per comment.
 */
export async function publishRecap(options: { db: Database; actor: Actor | null; eventSlug: string; replyToAskers?: boolean; now?: Date }) {
  const { db, actor, eventSlug } = options;
  assertCan(actor, "recap:publish");
  const now = options.now ?? new Date();
  const event = await db.event.findUnique({
    where: { slug: eventSlug },
    select: { id: true, slug: true, status: true, language: true, recap: { select: { id: true, publishedAt: true } } },
  });
  if (!event) throw new AppError("NOT_FOUND", "eventNotFound");
  if (event.status !== "PUBLISHED") throw new AppError("INVALID", "eventNotPublished");
  if (!event.recap) throw new AppError("INVALID", "recapMissing");
  const recapId = event.recap.id;
  const replyToAskers = options.replyToAskers ?? false;

  return db.$transaction(async (tx) => {
    const recap = await tx.recap.update({
      where: { id: recapId },
      data: { status: "PUBLISHED", publishedAt: event.recap!.publishedAt ?? now, publicationCount: { increment: 1 }, publishedById: actor.id, replyToAskers },
      select: { publicationCount: true },
    });
    // People the publication will mail: confirmed, not yet sent the recap, and not already queued.
    const notified = await tx.recapRequest.count({
      where: { ...waitingForRecap(event.id), emails: { none: { recapId, status: { not: "CANCELLED" } } } },
    });
    await enqueueJob(tx, {
      kind: "recap-fanout",
      dedupeKey: `recap-fanout:${recapId}:${recap.publicationCount}`,
      payload: { recapId },
      runAt: now,
      total: notified,
    });
    const replied = replyToAskers
      ? await replyToRecapAskers(tx, { eventId: event.id, eventSlug: event.slug, language: event.language, hostId: actor.id, now })
      : 0;
    // The event's page changes (the recap, the replies): its cached copies, on every instance, are out of date.
    await tx.event.update({ where: { id: event.id }, data: { updatedAt: now }, select: { id: true } });
    await recordAudit(
      tx,
      actor.id,
      {
        action: "recap.publish",
        targetType: "Recap",
        targetId: recapId,
        details: { eventId: event.id, publication: recap.publicationCount, notified, repliedUnderComments: replied },
      },
      now,
    );
    return { recapId, notified, replied };
  });
}
