import os from "node:os";
import { randomBytes } from "node:crypto";
import type { Database } from "@/lib/db/client";
import { runOutboxWorker, sleep, type OutboxOptions } from "@/lib/notifications/outbox-worker";
import { sendHostDigests } from "@/lib/notifications/send-host-digests";
import { expandRecapFanout } from "@/lib/recaps/expand-recap-fanout";
import { applyRetention } from "@/lib/retention/apply-retention";
import { runWordPressImportJob } from "@/lib/import/run-wordpress-import-job";
import { claimNextJob, failJob, finishJob, JOB_POLICY, LeaseLostError, recoverExpiredJobLeases, type ClaimedJob, type JobKind } from "./job-queue";
import { schedulePeriodicJobs } from "./periodic-jobs";
import { HEARTBEAT, recordHeartbeat, type WorkerIdentity } from "./worker-heartbeat";

type JobContext = { db: Database; job: ClaimedJob; now: () => Date; fanoutBatchSize?: number };

/** What each kind of job does. Every handler is idempotent: run twice, or resumed after a crash, it does the work once. */
const JOB_HANDLERS: Record<JobKind, (context: JobContext) => Promise<unknown>> = {
  "recap-fanout": ({ db, job, now, fanoutBatchSize }) => expandRecapFanout({ db, job, now, batchSize: fanoutBatchSize }),
  "host-digest": ({ db, now }) => sendHostDigests({ db, now: now() }),
  retention: ({ db, now }) => applyRetention({ db, now: now() }),
  "wordpress-import": ({ db, job, now }) => runWordPressImportJob({ db, job, now }),
};

/** Claims and runs due jobs until there are none. Returns how many ran. */
export async function runDueJobs(options: {
  db: Database;
  owner: string;
  now?: () => Date;
  leaseSeconds?: number;
  fanoutBatchSize?: number;
  signal?: AbortSignal;
}): Promise<number> {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const leaseSeconds = options.leaseSeconds ?? JOB_POLICY.leaseSeconds;
  let ran = 0;
  await recoverExpiredJobLeases(db, now());
  while (!options.signal?.aborted) {
    const job = await claimNextJob(db, `${options.owner}/${randomBytes(4).toString("hex")}`, now(), leaseSeconds);
    if (!job) break;
    ran++;
    // Kept alive while the handler works; a handler that records progress extends it too.
    const renewal = setInterval(
      () => {
        db.job
          .updateMany({
            where: { id: job.id, leaseOwner: job.leaseOwner, status: "RUNNING" },
            data: { leaseExpiresAt: new Date(now().getTime() + leaseSeconds * 1000) },
          })
          .catch((error: unknown) => console.error("Jobs: lease renewal failed:", error));
      },
      (leaseSeconds * 1000) / 3,
    );
    try {
      const handler = JOB_HANDLERS[job.kind as JobKind];
      if (!handler) throw new Error(`no handler for jobs of kind "${job.kind}"`);
      await handler({ db, job, now, fanoutBatchSize: options.fanoutBatchSize });
      await finishJob(db, job, now());
    } catch (error) {
      if (error instanceof LeaseLostError) console.warn(`Jobs: ${error.message}; another worker carries on.`);
      else {
        console.error(`Jobs: ${job.kind} ${job.dedupeKey} failed:`, error);
        await failJob(db, job, error, now()).catch((failure: unknown) => console.error("Jobs: could not record the failure:", failure));
      }
    } finally {
      clearInterval(renewal);
    }
  }
  return ran;
}

/** A new worker's identity: its heartbeat row and the prefix of its lease owners. */
export function newWorkerIdentity(now: Date): WorkerIdentity {
  return { id: `${os.hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`, hostname: os.hostname(), pid: process.pid, startedAt: now };
}

/**
 * A worker process's work, until `signal` aborts: a heartbeat every few seconds, the daily jobs scheduled,
 * due jobs run (a publication's fan-out, digests, retention, WordPress imports), and the outbox sent — jobs
 * and sending side by side, so a large fan-out is being sent while it is still being expanded.
 */
export async function runWorker(
  options: Omit<OutboxOptions, "workerId"> & { signal: AbortSignal; idleMs?: number; identity?: WorkerIdentity; fanoutBatchSize?: number },
) {
  const { db, signal, idleMs = 1000 } = options;
  const now = options.now ?? (() => new Date());
  const identity = options.identity ?? newWorkerIdentity(now());
  const loop = async (intervalMs: number, work: () => Promise<unknown>, label: string) => {
    while (!signal.aborted) {
      try {
        await work();
      } catch (error) {
        console.error(`Worker: ${label} failed:`, error);
      }
      await sleep(intervalMs, signal);
    }
  };
  await Promise.all([
    loop(HEARTBEAT.intervalSeconds * 1000, () => recordHeartbeat(db, identity, now()), "heartbeat"),
    loop(60_000, () => schedulePeriodicJobs(db, now()), "scheduling"),
    loop(
      idleMs,
      () => runDueJobs({ db, owner: identity.id, now, leaseSeconds: options.leaseSeconds, fanoutBatchSize: options.fanoutBatchSize, signal }),
      "jobs",
    ),
    runOutboxWorker({ ...options, workerId: identity.id, now, signal, idleMs }),
  ]);
}
