import type { Database } from "@/lib/db/client";
import { recordJobProgress, type ClaimedJob } from "@/lib/jobs/job-queue";
import { queueEmails } from "@/lib/notifications/queue-emails";
import { recapEmailRow } from "./recap-email-row";

/** Requesters turned into outbox rows per transaction: short enough that no SQLite write lock is held for long. */
export const FANOUT_BATCH_SIZE = 500;

/**
 * The `recap-fanout` job: expands a publication into one outbox row per confirmed requester not yet sent
 * the recap, a batch per transaction, in request-id order. Each batch records the job's cursor in the same
 * transaction, so a worker that dies mid-way is resumed by another from the last batch it finished; rows
 * already written are skipped by their dedupeKey. Mail cancelled earlier (the recap was unpublished) is
 * queued again. Stops early, sending nothing, once the recap or its event is no longer published.
 */
export async function expandRecapFanout(options: { db: Database; job: ClaimedJob; now: () => Date; batchSize?: number }): Promise<void> {
  const { db, job } = options;
  const batchSize = options.batchSize ?? FANOUT_BATCH_SIZE;
  const { recapId } = JSON.parse(job.payload) as { recapId: string };
  let cursor = job.cursor ?? "";
  let progress = job.progress;
  for (;;) {
    const now = options.now();
    const finished = await db.$transaction(async (tx) => {
      const recap = await tx.recap.findUnique({ where: { id: recapId }, select: { id: true, status: true, eventId: true, event: { select: { title: true, status: true } } } });
      if (!recap || recap.status !== "PUBLISHED" || recap.event.status !== "PUBLISHED") {
        await recordJobProgress(tx, job, { cursor, progress }, now);
        return true;
      }
      const requests = await tx.recapRequest.findMany({
        where: { eventId: recap.eventId, status: "CONFIRMED", recapSentAt: null, id: { gt: cursor } },
        orderBy: { id: "asc" },
        take: batchSize,
        select: { id: true, email: true, locale: true },
      });
      if (requests.length > 0) {
        await tx.outboundEmail.updateMany({
          where: { recapId, recapRequestId: { in: requests.map((request) => request.id) }, status: "CANCELLED" },
          data: { status: "PENDING", nextAttemptAt: now, attempts: 0, lastError: null, leaseOwner: null, leaseExpiresAt: null },
        });
        await queueEmails(
          tx,
          requests.map((request) => recapEmailRow({ id: recap.id, eventTitle: recap.event.title }, request, now)),
        );
        cursor = requests[requests.length - 1].id;
        progress += requests.length;
      }
      await recordJobProgress(tx, job, { cursor, progress }, now);
      return requests.length < batchSize;
    });
    if (finished) return;
  }
}
