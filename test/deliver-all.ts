import type { Database } from "@/lib/db/client";
import { runDueJobs } from "@/lib/jobs/run-worker";
import type { MailTransport } from "@/lib/notifications/mailer";
import { processOutboxOnce } from "@/lib/notifications/outbox-worker";

/** What a worker does, run in the test until nothing is left: due jobs (a publication's fan-out…), then the outbox. */
export async function deliverAll(options: { db: Database; transport: MailTransport; now?: () => Date }) {
  const { db, transport, now } = options;
  for (;;) {
    const jobs = await runDueJobs({ db, owner: "test-worker", now });
    const sent = await processOutboxOnce({ db, transport, from: "Debrief <debrief@example.org>", workerId: "test-worker", now });
    if (jobs === 0 && sent === 0) return;
  }
}
