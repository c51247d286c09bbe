import { randomBytes } from "node:crypto";
import { engineOf, type Database } from "@/lib/db/client";
import { composeEmails, redactCredentials, type ComposedEmail, type OutboxRow } from "./compose-emails";
import { classifyDeliveryError, type MailTransport } from "./mailer";
import { SentRecorder } from "./sent-recorder";
import { getSiteSettings, senderFor } from "@/lib/settings/site-settings";

export const OUTBOX_POLICY = {
  batchSize: 200,
  concurrency: 20,
  leaseSeconds: 60,
  maxAttempts: 8,
  baseBackoffSeconds: 30,
  maxBackoffSeconds: 3600,
  /** Tries at recording an outcome (the database may be busy); after them the row is left SENDING. */
  recordAttempts: 4,
} as const;

/** Exponential backoff with ±20 % jitter, so retries from many rows do not arrive together. */
export function retryDelaySeconds(attempt: number, random: () => number = Math.random, baseSeconds: number = OUTBOX_POLICY.baseBackoffSeconds): number {
  const base = Math.min(OUTBOX_POLICY.maxBackoffSeconds, baseSeconds * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/**
 * Rows whose worker's lease ran out: those never handed to SMTP (CLAIMED) go back to the queue; those
 * being sent (SENDING) may have left, so they become AMBIGUOUS and are never resent automatically. The
 * owner is kept on AMBIGUOUS rows, so a slow worker that does hear "250 OK" can still record SENT.
 */
export async function recoverExpiredLeases(db: Database, now: Date): Promise<void> {
  await db.outboundEmail.updateMany({
    where: { status: "CLAIMED", leaseExpiresAt: { lt: now } },
    data: { status: "PENDING", leaseOwner: null, leaseExpiresAt: null },
  });
  await db.outboundEmail.updateMany({
    where: { status: "SENDING", leaseExpiresAt: { lt: now } },
    data: { status: "AMBIGUOUS", leaseExpiresAt: null, lastError: "the worker stopped or lost its lease while sending" },
  });
}

export type ClaimedEmail = OutboxRow & { attempts: number };

const CLAIMED_COLUMNS = { id: true, kind: true, toAddress: true, locale: true, payload: true, recapRequestId: true, recapId: true, userId: true, attempts: true } as const;

/** A lease owner token: names the worker and the batch, so no two claims ever share one. */
export function newLeaseOwner(workerId: string): string {
  return `${workerId}/${randomBytes(6).toString("hex")}`;
}

/**
 * Claims up to `limit` due rows for `owner` under a lease; a row is claimed by one worker only.
 * PostgreSQL: one UPDATE … RETURNING over a `FOR UPDATE SKIP LOCKED` subquery, so concurrent workers
 * take disjoint batches instead of queueing on each other's locks. SQLite: the transaction holds the
 * write lock from its start, so reading the due ids and then updating them is atomic.
 */
export async function claimDueEmails(
  db: Database,
  owner: string,
  now: Date,
  limit: number = OUTBOX_POLICY.batchSize,
  leaseSeconds: number = OUTBOX_POLICY.leaseSeconds,
): Promise<ClaimedEmail[]> {
  const leaseExpiresAt = new Date(now.getTime() + leaseSeconds * 1000);
  if (engineOf(db) === "postgresql") {
    return db.$queryRaw<ClaimedEmail[]>`
      UPDATE "OutboundEmail" SET "status" = 'CLAIMED', "leaseOwner" = ${owner}, "leaseExpiresAt" = ${leaseExpiresAt}
      WHERE "id" IN (
        SELECT "id" FROM "OutboundEmail"
        WHERE "status" = 'PENDING' AND "nextAttemptAt" <= ${now}
        ORDER BY "nextAttemptAt"
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      )
      RETURNING "id", "kind", "toAddress", "locale", "payload", "recapRequestId", "recapId", "userId", "attempts"`;
  }
  return db.$transaction(async (tx) => {
    const due = await tx.outboundEmail.findMany({
      where: { status: "PENDING", nextAttemptAt: { lte: now } },
      orderBy: { nextAttemptAt: "asc" },
      take: limit,
      select: { id: true },
    });
    if (due.length === 0) return [];
    return tx.outboundEmail.updateManyAndReturn({
      where: { id: { in: due.map((row) => row.id) }, status: "PENDING" },
      data: { status: "CLAIMED", leaseOwner: owner, leaseExpiresAt },
      select: CLAIMED_COLUMNS,
    });
  });
}

export type DeliveryContext = {
  db: Database;
  transport: MailTransport;
  from: string;
  owner: string;
  now: () => Date;
  retryBaseSeconds: number;
  recordAttempts: number;
  /** Records SENT outcomes by group commit (lib/notifications/sent-recorder.ts). */
  recorder: SentRecorder;
};

/** Retries a database write a few times (the database may be busy or briefly unreachable); false if it never succeeded. */
async function persistently(attempts: number, write: () => Promise<unknown>): Promise<boolean> {
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      await write();
      return true;
    } catch (error) {
      console.error(`Outbox: recording an outcome failed (attempt ${attempt} of ${attempts}):`, error);
      if (attempt < attempts) await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
    }
  }
  return false;
}

/**
 * Sends one claimed row. Only the SMTP hand-over's failures are treated as SMTP failures: a failure to
 * record the outcome afterwards never puts the row back in the queue. Every write is conditional on this
 * worker still owning the row, so a worker whose lease expired cannot overwrite another's.
 */
export async function deliverEmail(context: DeliveryContext, email: ClaimedEmail, composed: ComposedEmail) {
  const { db, owner } = context;
  // Recorded before the hand-over, so a crash from here on is known to be ambiguous. A row cancelled
  // meanwhile (withdrawal, unpublication) is no longer CLAIMED: nothing is sent.
  const started = await db.outboundEmail.updateMany({
    where: { id: email.id, leaseOwner: owner, status: "CLAIMED" },
    data: { status: "SENDING", attempts: { increment: 1 } },
  });
  if (started.count === 0) return;
  const attempt = email.attempts + 1;

  let response: string;
  try {
    ({ response } = await context.transport.send({ from: context.from, to: email.toAddress, subject: composed.subject, text: composed.text, html: composed.html, headers: composed.headers }));
  } catch (error) {
    const failure = classifyDeliveryError(error);
    const giveUp = failure.kind === "permanent" || attempt >= OUTBOX_POLICY.maxAttempts;
    const data =
      failure.kind === "ambiguous"
        ? { status: "AMBIGUOUS" as const, lastError: failure.message, leaseExpiresAt: null }
        : giveUp
          ? { status: "FAILED" as const, lastError: failure.message, leaseOwner: null, leaseExpiresAt: null }
          : {
              status: "PENDING" as const,
              lastError: failure.message,
              leaseOwner: null,
              leaseExpiresAt: null,
              nextAttemptAt: new Date(context.now().getTime() + retryDelaySeconds(attempt, Math.random, context.retryBaseSeconds) * 1000),
            };
    // If this cannot be recorded, the row stays SENDING and its expired lease makes it AMBIGUOUS: never sent twice.
    await persistently(context.recordAttempts, () => db.outboundEmail.updateMany({ where: { id: email.id, leaseOwner: owner, status: "SENDING" }, data }));
    return;
  }

  // The server took the message. From here on, whatever fails, the row must not go back to the queue.
  const recorded = await context.recorder.record({ id: email.id, response, text: redactCredentials(composed.text), html: redactCredentials(composed.html) });
  if (!recorded) console.error(`Outbox: e-mail ${email.id} was accepted by the SMTP server but could not be recorded as sent; it will be reported as ambiguous, never resent.`);
}

/** The context a worker delivers a claimed batch with. */
export function deliveryContext(options: Omit<DeliveryContext, "recorder">): DeliveryContext {
  return { ...options, recorder: new SentRecorder(options.db, options.owner, options.now, (write) => persistently(options.recordAttempts, write)) };
}

export type OutboxOptions = {
  db: Database;
  transport: MailTransport;
  from: string;
  /** This worker's id; each batch is claimed under a lease owner derived from it. */
  workerId?: string;
  now?: () => Date;
  leaseSeconds?: number;
  batchSize?: number;
  /** First retry delay after a failure that is worth retrying (doubling each time). */
  retryBaseSeconds?: number;
  recordAttempts?: number;
};

/** One pass: recover, claim a batch, render and send it with bounded concurrency. Returns how many were claimed. */
export async function processOutboxOnce(options: OutboxOptions): Promise<number> {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const leaseSeconds = options.leaseSeconds ?? OUTBOX_POLICY.leaseSeconds;
  const owner = newLeaseOwner(options.workerId ?? "worker");
  await recoverExpiredLeases(db, now());
  const batch = await claimDueEmails(db, owner, now(), options.batchSize ?? OUTBOX_POLICY.batchSize, leaseSeconds);
  if (batch.length === 0) return 0;
  // The lease is extended while the batch is being sent, so a slow SMTP server does not make another
  // worker take over rows this one is still sending.
  const renewal = setInterval(() => {
    db.outboundEmail
      .updateMany({ where: { leaseOwner: owner, status: { in: ["CLAIMED", "SENDING"] } }, data: { leaseExpiresAt: new Date(now().getTime() + leaseSeconds * 1000) } })
      .catch((error: unknown) => console.error("Outbox: lease renewal failed:", error));
  }, (leaseSeconds * 1000) / 3);
  try {
    // The organisation's name and address as they are now, for every e-mail of the batch.
    const settings = await getSiteSettings(db);
    const compositions = await composeEmails(db, batch, now(), settings);
    const context = deliveryContext({
      db,
      transport: options.transport,
      from: senderFor(settings, options.from),
      owner,
      now,
      retryBaseSeconds: options.retryBaseSeconds ?? OUTBOX_POLICY.baseBackoffSeconds,
      recordAttempts: options.recordAttempts ?? OUTBOX_POLICY.recordAttempts,
    });
    const cancelled = batch.filter((email) => "cancel" in compositions.get(email.id)!);
    for (const email of cancelled) {
      const { cancel } = compositions.get(email.id) as { cancel: string };
      await db.outboundEmail.updateMany({ where: { id: email.id, leaseOwner: owner, status: "CLAIMED" }, data: { status: "CANCELLED", lastError: cancel, leaseOwner: null, leaseExpiresAt: null } });
    }
    const sendable = batch.filter((email) => !cancelled.includes(email));
    // A fixed number of lanes each take the next e-mail as soon as theirs is done, so one slow
    // answer holds up one lane rather than a whole group.
    let next = 0;
    const lane = async () => {
      while (next < sendable.length) {
        const email = sendable[next++];
        await deliverEmail(context, email, (compositions.get(email.id) as { email: ComposedEmail }).email);
      }
    };
    await Promise.all(Array.from({ length: Math.min(OUTBOX_POLICY.concurrency, sendable.length) }, lane));
  } finally {
    clearInterval(renewal);
  }
  return batch.length;
}

/** Runs until `signal` aborts: sends whatever is due, sleeping `idleMs` when there is nothing. */
export async function runOutboxWorker(options: OutboxOptions & { signal: AbortSignal; idleMs?: number }) {
  const { signal, idleMs = 1000 } = options;
  while (!signal.aborted) {
    let claimed = 0;
    try {
      claimed = await processOutboxOnce(options);
    } catch (error) {
      console.error("Outbox worker pass failed:", error);
    }
    if (claimed === 0) await sleep(idleMs, signal);
  }
}

/** Resolves after `ms`, or at once when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
