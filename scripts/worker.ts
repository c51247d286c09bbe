// `npm run worker`: sends the outbox's e-mails. `npm start` runs one beside the web server.
import { createDatabase } from "@/lib/db/client";
import { env } from "@/lib/env";
import { createMailTransport } from "@/lib/notifications/mailer";
import { runOutboxWorker } from "@/lib/notifications/outbox-worker";

const db = createDatabase();
const transport = createMailTransport(env.SMTP_URL, { timeoutSeconds: env.SMTP_TIMEOUT_SECONDS });
const controller = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => controller.abort());

console.log(env.SMTP_URL ? "Outbox worker: sending through SMTP." : "Outbox worker: no SMTP_URL, e-mails are stored for the dev mailbox.");
await runOutboxWorker({ db, transport, from: env.MAIL_FROM, signal: controller.signal, leaseSeconds: env.OUTBOX_LEASE_SECONDS, batchSize: env.OUTBOX_BATCH_SIZE });
transport.close();
await db.$disconnect();
process.exit(0);
