import { engineOf, type Database, type Transaction } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

export type JobKind = "recap-fanout" | "host-digest" | "retention" | "wordpress-import";

/** A job as the worker that claimed it holds it; every write about it is conditional on `leaseOwner`. */
export type ClaimedJob = {
  id: string;
  kind: string;
  dedupeKey: string;
  payload: string;
  cursor: string | null;
  progress: number;
  attempts: number;
  leaseOwner: string;
  /** How long the lease lasts each time it is taken or extended (the worker's OUTBOX_LEASE_SECONDS). */
  leaseSeconds: number;
};

export const JOB_POLICY = { leaseSeconds: 60, maxAttempts: 10, baseBackoffSeconds: 15, maxBackoffSeconds: 3600 } as const;

/** The worker lost its lease on a job (it expired and another worker took the job over): it must stop. */
export class LeaseLostError extends Error {
  constructor(jobId: string) {
    super(`lease on job ${jobId} lost`);
    this.name = "LeaseLostError";
  }
}

/**
 * Adds a job unless one with the same dedupeKey exists (ever): enqueueing the same work twice, from two
 * workers or two instances, creates one job. Returns whether it was new. Call it inside the transaction
 * of the change that calls for the job.
 */
export async function enqueueJob(
  tx: Transaction | Database,
  job: { kind: JobKind; dedupeKey: string; payload?: unknown; runAt: Date; total?: number | null },
): Promise<boolean> {
  const data: Prisma.JobCreateManyInput = {
    kind: job.kind,
    dedupeKey: job.dedupeKey,
    payload: JSON.stringify(job.payload ?? {}),
    runAt: job.runAt,
    createdAt: job.runAt,
    total: job.total ?? null,
  };
  if (engineOf(tx) === "postgresql") {
    const pg = tx.job as unknown as { createMany(args: { data: Prisma.JobCreateManyInput[]; skipDuplicates: boolean }): Promise<{ count: number }> };
    return (await pg.createMany({ data: [data], skipDuplicates: true })).count === 1;
  }
  // SQLite: the transaction holds the write lock from its start (BEGIN IMMEDIATE), so nobody inserts in between;
  // outside a transaction, a concurrent insert of the same key is reported by the unique index.
  if (await tx.job.findUnique({ where: { dedupeKey: job.dedupeKey }, select: { id: true } })) return false;
  try {
    await tx.job.create({ data, select: { id: true } });
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return false;
    throw error;
  }
}

/** Jobs whose worker disappeared go back to the queue; the next worker resumes from their cursor. */
export async function recoverExpiredJobLeases(db: Database, now: Date): Promise<number> {
  const { count } = await db.job.updateMany({
    where: { status: "RUNNING", leaseExpiresAt: { lt: now } },
    data: { status: "PENDING", leaseOwner: null, leaseExpiresAt: null },
  });
  return count;
}

const CLAIMED_JOB = { id: true, kind: true, dedupeKey: true, payload: true, cursor: true, progress: true, attempts: true, leaseOwner: true } as const;

/**
 * Claims the next due job for `owner` under a lease, or returns null. One job goes to one worker:
 * PostgreSQL takes it with FOR UPDATE SKIP LOCKED; SQLite's transaction holds the write lock.
 */
export async function claimNextJob(db: Database, owner: string, now: Date, leaseSeconds: number = JOB_POLICY.leaseSeconds): Promise<ClaimedJob | null> {
  const leaseExpiresAt = new Date(now.getTime() + leaseSeconds * 1000);
  if (engineOf(db) === "postgresql") {
    const rows = await db.$queryRaw<Omit<ClaimedJob, "leaseSeconds">[]>`
      UPDATE "Job" SET "status" = 'RUNNING', "leaseOwner" = ${owner}, "leaseExpiresAt" = ${leaseExpiresAt}, "attempts" = "attempts" + 1
      WHERE "id" = (
        SELECT "id" FROM "Job" WHERE "status" = 'PENDING' AND "runAt" <= ${now}
        ORDER BY "runAt" LIMIT 1 FOR UPDATE SKIP LOCKED
      )
      RETURNING "id", "kind", "dedupeKey", "payload", "cursor", "progress", "attempts", "leaseOwner"`;
    return rows[0] ? { ...rows[0], leaseSeconds } : null;
  }
  return db.$transaction(async (tx) => {
    const due = await tx.job.findFirst({ where: { status: "PENDING", runAt: { lte: now } }, orderBy: { runAt: "asc" }, select: { id: true } });
    if (!due) return null;
    const claimed = (await tx.job.update({
      where: { id: due.id },
      data: { status: "RUNNING", leaseOwner: owner, leaseExpiresAt, attempts: { increment: 1 } },
      select: CLAIMED_JOB,
    })) as Omit<ClaimedJob, "leaseSeconds">;
    return { ...claimed, leaseSeconds };
  });
}

/**
 * Records how far a job got, inside the transaction that did that part of the work, and extends the
 * lease by the length it was taken for. If the lease was lost, throws LeaseLostError, which rolls the part back.
 */
export async function recordJobProgress(
  tx: Transaction,
  job: ClaimedJob,
  progress: { cursor: string | null; progress: number; total?: number | null },
  now: Date,
): Promise<void> {
  const { count } = await tx.job.updateMany({
    where: { id: job.id, leaseOwner: job.leaseOwner, status: "RUNNING" },
    data: {
      cursor: progress.cursor,
      progress: progress.progress,
      ...(progress.total !== undefined && { total: progress.total }),
      leaseExpiresAt: new Date(now.getTime() + job.leaseSeconds * 1000),
    },
  });
  if (count === 0) throw new LeaseLostError(job.id);
}

export async function finishJob(db: Database, job: ClaimedJob, now: Date): Promise<boolean> {
  const { count } = await db.job.updateMany({
    where: { id: job.id, leaseOwner: job.leaseOwner, status: "RUNNING" },
    data: { status: "DONE", finishedAt: now, leaseOwner: null, leaseExpiresAt: null, lastError: null },
  });
  return count === 1;
}

/** A failed run is retried with exponential backoff from where it got to, until JOB_POLICY.maxAttempts. */
export async function failJob(db: Database, job: ClaimedJob, error: unknown, now: Date): Promise<void> {
  const message = (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 1000);
  const giveUp = job.attempts >= JOB_POLICY.maxAttempts;
  const delay = Math.min(JOB_POLICY.maxBackoffSeconds, JOB_POLICY.baseBackoffSeconds * 2 ** Math.max(0, job.attempts - 1));
  await db.job.updateMany({
    where: { id: job.id, leaseOwner: job.leaseOwner, status: "RUNNING" },
    data: giveUp
      ? { status: "FAILED", lastError: message, finishedAt: now, leaseOwner: null, leaseExpiresAt: null }
      : { status: "PENDING", lastError: message, runAt: new Date(now.getTime() + delay * 1000), leaseOwner: null, leaseExpiresAt: null },
  });
}
