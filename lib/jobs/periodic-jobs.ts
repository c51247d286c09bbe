import type { Database } from "@/lib/db/client";
import { enqueueJob } from "./job-queue";

/**
 * The daily jobs, keyed by their UTC day: whichever worker gets here first enqueues them, the others find
 * them there. The digest job runs daily but mails each host at most once a week (its e-mails are keyed by
 * ISO week), as soon as there is something to say.
 */
export async function schedulePeriodicJobs(db: Database, now: Date): Promise<void> {
  const day = now.toISOString().slice(0, 10);
  await enqueueJob(db, { kind: "retention", dedupeKey: `retention:${day}`, runAt: now });
  await enqueueJob(db, { kind: "host-digest", dedupeKey: `host-digest:${day}`, runAt: now });
}
