import { engineOf, type Database } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordJobProgress, type ClaimedJob } from "@/lib/jobs/job-queue";
import { queueRecapEmails } from "./recap-email-row";

/** Requesters turned into outbox rows per transaction: short enough that no SQLite write lock is held for long. */
export const FANOUT_BATCH_SIZE = 500;

/**
 * The `recap-fanout` job: expands a publication into one outbox row per confirmed requester not yet sent
 * the recap, a batch per transaction, in request-id order. Each batch records the job's cursor in the same
 * transaction, so a worker that dies mid-way is resumed by another from the last batch it finished; rows
 * already written are skipped by their dedupeKey. Mail cancelled earlier (the recap was unpublished) is
 * queued again. Stops early, sending nothing, once the recap or its event is no longer published.
 *
 * A batch is three statements whatever its size — where it ends, the cancelled mail re-queued, the new rows
 * written by one INSERT … SELECT — so the expansion costs the worker little CPU while it sends.
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
      const recap = await tx.recap.findUnique({
        where: { id: recapId },
        select: { id: true, status: true, eventId: true, event: { select: { title: true, status: true } } },
      });
      if (recap?.status !== "PUBLISHED" || recap.event.status !== "PUBLISHED") {
        await recordJobProgress(tx, job, { cursor, progress }, now);
        return true;
      }
      const waiting = Prisma.sql`"eventId" = ${recap.eventId} AND "status" = 'CONFIRMED' AND "recapSentAt" IS NULL`;
      const [batch] = await tx.$queryRaw<{ count: number | bigint; last: string | null }[]>`
        SELECT COUNT(*) AS "count", MAX("id") AS "last" FROM (
          SELECT "id" FROM "RecapRequest" WHERE ${waiting} AND "id" > ${cursor} ORDER BY "id" LIMIT ${batchSize}
        ) AS "batch"`;
      const count = Number(batch.count);
      if (count > 0) {
        const requests = Prisma.sql`SELECT "id" FROM "RecapRequest" WHERE ${waiting} AND "id" > ${cursor} AND "id" <= ${batch.last}`;
        await tx.$executeRaw`
          UPDATE "OutboundEmail" SET "status" = 'PENDING', "nextAttemptAt" = ${now}, "attempts" = 0, "lastError" = NULL, "leaseOwner" = NULL, "leaseExpiresAt" = NULL
          WHERE "recapId" = ${recapId} AND "status" = 'CANCELLED' AND "recapRequestId" IN (${requests})`;
        await queueRecapEmails(tx, { id: recap.id, eventTitle: recap.event.title }, requests, now, engineOf(tx));
        cursor = batch.last!;
        progress += count;
      }
      await recordJobProgress(tx, job, { cursor, progress }, now);
      return count < batchSize;
    });
    if (finished) return;
  }
}
