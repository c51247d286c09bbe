import { engineOf, type Database } from "@/lib/db/client";
import { classifyDeliveryError, type MailTransport } from "./mailer";

export const OUTBOX_POLICY = {
  batchSize: 200,
  concurrency: 20,
  leaseSeconds: 60,
  maxAttempts: 8,
  baseBackoffSeconds: 30,
  maxBackoffSeconds: 3600,
} as const;

/** Exponential backoff with ±20 % jitter, so retries from many rows do not arrive together. */
export function retryDelaySeconds(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(OUTBOX_POLICY.maxBackoffSeconds, OUTBOX_POLICY.baseBackoffSeconds * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/**
 * Rows whose worker disappeared: those never handed to SMTP go back to the queue; those that were
 * being sent may have left, so they become AMBIGUOUS and are never resent automatically.
 */
export async function recoverExpiredLeases(db: Database, now: Date): Promise<void> {
  await db.outboundEmail.updateMany({
    where: { status: "CLAIMED", leaseExpiresAt: { lt: now } },
    data: { status: "PENDING", leaseExpiresAt: null },
  });
  await db.outboundEmail.updateMany({
    where: { status: "SENDING", leaseExpiresAt: { lt: now } },
    data: { status: "AMBIGUOUS", leaseExpiresAt: null, lastError: "worker stopped while sending" },
  });
}

const CLAIMED_COLUMNS = { id: true, toAddress: true, subject: true, textBody: true, htmlBody: true, headers: true, attempts: true } as const;
type ClaimedRow = { id: string; toAddress: string; subject: string; textBody: string; htmlBody: string; headers: string; attempts: number };

/**
 * Claims up to `limit` due rows for this worker with a lease; a row is claimed by one worker only.
 * PostgreSQL: one UPDATE … RETURNING over a `FOR UPDATE SKIP LOCKED` subquery, so concurrent workers
 * take disjoint batches instead of queueing on each other's locks. SQLite has a single writer, so a
 * conditional UPDATE … RETURNING over the due ids is enough.
 */
export async function claimDueEmails(
  db: Database,
  now: Date,
  limit: number = OUTBOX_POLICY.batchSize,
  leaseSeconds: number = OUTBOX_POLICY.leaseSeconds,
): Promise<ClaimedRow[]> {
  const leaseExpiresAt = new Date(now.getTime() + leaseSeconds * 1000);
  if (engineOf(db) === "postgresql") {
    return db.$queryRaw<ClaimedRow[]>`
      UPDATE "OutboundEmail" SET "status" = 'CLAIMED', "leaseExpiresAt" = ${leaseExpiresAt}
      WHERE "id" IN (
        SELECT "id" FROM "OutboundEmail"
        WHERE "status" = 'PENDING' AND "nextAttemptAt" <= ${now}
        ORDER BY "nextAttemptAt"
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      )
      RETURNING "id", "toAddress", "subject", "textBody", "htmlBody", "headers", "attempts"`;
  }
  const due = await db.outboundEmail.findMany({
    where: { status: "PENDING", nextAttemptAt: { lte: now } },
    orderBy: { nextAttemptAt: "asc" },
    take: limit,
    select: { id: true },
  });
  if (due.length === 0) return [];
  return db.outboundEmail.updateManyAndReturn({
    where: { id: { in: due.map((row) => row.id) }, status: "PENDING" },
    data: { status: "CLAIMED", leaseExpiresAt },
    select: CLAIMED_COLUMNS,
  });
}

type ClaimedEmail = ClaimedRow;

async function deliver(db: Database, transport: MailTransport, from: string, email: ClaimedEmail, now: () => Date) {
  // Recorded before the hand-over, so a crash from here on is known to be ambiguous.
  const started = await db.outboundEmail.updateMany({
    where: { id: email.id, status: "CLAIMED" },
    data: { status: "SENDING", attempts: { increment: 1 } },
  });
  if (started.count === 0) return;
  const attempt = email.attempts + 1;
  try {
    const result = await transport.send({
      from,
      to: email.toAddress,
      subject: email.subject,
      text: email.textBody,
      html: email.htmlBody,
      headers: JSON.parse(email.headers) as Record<string, string>,
    });
    await db.outboundEmail.update({
      where: { id: email.id },
      data: { status: "SENT", sentAt: now(), smtpResponse: result.response.slice(0, 1000), leaseExpiresAt: null, lastError: null },
    });
  } catch (error) {
    const failure = classifyDeliveryError(error);
    const giveUp = failure.kind === "permanent" || attempt >= OUTBOX_POLICY.maxAttempts;
    await db.outboundEmail.update({
      where: { id: email.id },
      data:
        failure.kind === "ambiguous"
          ? { status: "AMBIGUOUS", lastError: failure.message, leaseExpiresAt: null }
          : giveUp
            ? { status: "FAILED", lastError: failure.message, leaseExpiresAt: null }
            : {
                status: "PENDING",
                lastError: failure.message,
                leaseExpiresAt: null,
                nextAttemptAt: new Date(now().getTime() + retryDelaySeconds(attempt) * 1000),
              },
    });
  }
}

/** One pass: recover, claim a batch, send it with bounded concurrency. Returns how many were claimed. */
export async function processOutboxOnce(options: {
  db: Database;
  transport: MailTransport;
  from: string;
  now?: () => Date;
  leaseSeconds?: number;
  batchSize?: number;
}): Promise<number> {
  const { db, transport, from } = options;
  const now = options.now ?? (() => new Date());
  await recoverExpiredLeases(db, now());
  const batch = await claimDueEmails(db, now(), options.batchSize ?? OUTBOX_POLICY.batchSize, options.leaseSeconds);
  // A fixed number of lanes each take the next e-mail as soon as theirs is done, so one slow
  // answer holds up one lane rather than a whole group.
  let next = 0;
  const lane = async () => {
    while (next < batch.length) await deliver(db, transport, from, batch[next++], now);
  };
  await Promise.all(Array.from({ length: Math.min(OUTBOX_POLICY.concurrency, batch.length) }, lane));
  return batch.length;
}

/** Runs until `signal` aborts: sends whatever is due, sleeping `idleMs` when there is nothing. */
export async function runOutboxWorker(options: {
  db: Database;
  transport: MailTransport;
  from: string;
  signal: AbortSignal;
  idleMs?: number;
  leaseSeconds?: number;
  batchSize?: number;
}) {
  const { signal, idleMs = 1000 } = options;
  while (!signal.aborted) {
    let claimed = 0;
    try {
      claimed = await processOutboxOnce(options);
    } catch (error) {
      console.error("Outbox worker pass failed:", error);
    }
    if (claimed === 0) await new Promise((resolve) => setTimeout(resolve, idleMs));
  }
}
