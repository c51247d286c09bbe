// `npm run worker`: sends the outbox's e-mails and runs background jobs. `npm start` runs one beside the web server.
import { createDatabase } from "@/lib/db/client";
import { env } from "@/lib/env";
import { runWorker } from "@/lib/jobs/run-worker";
import { createThreadedMailTransport } from "@/lib/notifications/threaded-transport";

const db = createDatabase();
const transport = createThreadedMailTransport(env.SMTP_URL, { timeoutSeconds: env.SMTP_TIMEOUT_SECONDS });
// A worker that cannot send stops here, where `npm start` and the logs show it, rather than failing every e-mail.
await transport.ready;
const controller = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => controller.abort());

console.log(env.SMTP_URL ? "Worker: sending e-mail through SMTP." : "Worker: no SMTP_URL, e-mails are stored for the dev mailbox.");
await runWorker({
  db,
  transport,
  from: env.MAIL_FROM,
  signal: controller.signal,
  leaseSeconds: env.OUTBOX_LEASE_SECONDS,
  batchSize: env.OUTBOX_BATCH_SIZE,
  retryBaseSeconds: env.OUTBOX_RETRY_SECONDS,
  fanoutBatchSize: env.FANOUT_BATCH_SIZE,
});
transport.close();
await db.$disconnect();
process.exit(0);
