import { randomBytes } from "node:crypto";
import { engineOf, type Database } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { composeEmails, redactCredentials, type ComposedEmail, type OutboxRow } from "./compose-emails";
import { classifyDeliveryError, type MailTransport } from "./mailer";
import { recordSentAndStart, type SentOutcome } from "./sent-recorder";
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

/** A lease owner token: names the worker and the batch, so no two claims ever share one. */
export function newLeaseOwner(workerId: string): string {
  return `${workerId}/${randomBytes(6).toString("hex")}`;
}

/**
 * Claims up to `limit` due rows for `owner` under a lease; a row is claimed by one worker only. One
 * UPDATE … RETURNING over the due rows' ids: on PostgreSQL the subquery takes them `FOR UPDATE SKIP LOCKED`,
 * so concurrent workers take disjoint batches instead of queueing on each other's locks; on SQLite the
 * statement holds the write lock. The outer statement names rows by id only, so it finds them by primary key:
 * "id IN (…) AND status = 'PENDING'" led SQLite's planner (which has no statistics) to walk every PENDING row
 * through the status index, once per batch — the whole queue, each time, at the start of a large fan-out.
 */
export async function claimDueEmails(
  db: Database,
  owner: string,
  now: Date,
  limit: number = OUTBOX_POLICY.batchSize,
  leaseSeconds: number = OUTBOX_POLICY.leaseSeconds,
): Promise<ClaimedEmail[]> {
  const leaseExpiresAt = new Date(now.getTime() + leaseSeconds * 1000);
  const postgres = engineOf(db) === "postgresql";
  const claim = db.$queryRaw<ClaimedEmail[]>`
    UPDATE "OutboundEmail" SET "status" = 'CLAIMED', "leaseOwner" = ${owner}, "leaseExpiresAt" = ${leaseExpiresAt}
    WHERE "id" IN (
      SELECT "id" FROM "OutboundEmail"
      WHERE "status" = 'PENDING' AND "nextAttemptAt" <= ${now}
      ORDER BY "nextAttemptAt"
      LIMIT ${limit}
      ${postgres ? Prisma.sql`FOR UPDATE SKIP LOCKED` : Prisma.empty}
    )
    RETURNING "id", "kind", "toAddress", "locale", "payload", "recapRequestId", "recapId", "userId", "attempts"`;
  if (postgres) return claim;
  // Its own transaction on SQLite, apart from any other part of the worker's on the process's one connection.
  const [claimed] = await db.$transaction([claim]);
  return claimed;
}

export type DeliveryContext = {
  db: Database;
  transport: MailTransport;
  from: string;
  owner: string;
  now: () => Date;
  retryBaseSeconds: number;
  recordAttempts: number;
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
 * Records a hand-over that failed. Only the hand-over's failures are treated as SMTP failures: an answer from
 * the server settles it (5xx FAILED, 4xx retried with backoff); without one, AMBIGUOUS if the whole message had
 * gone out, else retried. Conditional on this worker still owning the row.
 */
async function recordFailure(context: DeliveryContext, email: ClaimedEmail, error: unknown): Promise<void> {
  const failure = classifyDeliveryError(error);
  const attempt = email.attempts + 1;
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
  await persistently(context.recordAttempts, () =>
    context.db.outboundEmail.updateMany({ where: { id: email.id, leaseOwner: context.owner, status: "SENDING" }, data }),
  );
}

/** Outcomes written together at most; how long an accepted e-mail waits for others; steps of a batch being written at once. */
const MAX_GROUP = 50;
const HOLD_MS = 20;
const MAX_STEPS = 2;

/**
 * The places a worker has for e-mails SENDING and not yet recorded — what a crash can leave AMBIGUOUS — shared by
 * the batches it is sending at once, so a second batch can start while the first one's last messages finish.
 */
export class SendingWindow {
  /** Places taken: rows started (or being started) and not yet recorded. */
  used = 0;
  private readonly waiting = new Set<() => void>();

  constructor(readonly size: number = OUTBOX_POLICY.concurrency) {}

  get free(): number {
    return Math.max(0, this.size - this.used);
  }

  take(count: number): void {
    this.used += count;
  }

  release(count: number): void {
    this.used -= count;
    if (count > 0) for (const wake of [...this.waiting]) wake();
  }

  /** Calls `wake` the next time places are released, until `cancel` is called. */
  onRelease(wake: () => void): () => void {
    this.waiting.add(wake);
    return () => this.waiting.delete(wake);
  }
}

/**
 * Sends claimed rows with at most `window.size` of the worker's rows SENDING at any moment: what a crash can leave
 * AMBIGUOUS, and what keeps the SMTP pool busy (twice its connections by default: one message being transmitted
 * on each, one queued behind it). The window moves by steps, each one transaction (lib/notifications/sent-recorder.ts)
 * that records the e-mails the server accepted since the last step and starts new rows in their place — taken
 * once half the window has answered (or every message out has, or after HOLD_MS). So a group of e-mails costs
 * one write instead of two per e-mail, and nothing is sent before it is recorded SENDING. A step may start as many
 * rows as it records (the swap is atomic) plus the window's free places; two steps may be under way at once, so
 * the pool keeps sending while one waits for the database.
 *
 * Once the server has taken a message, whatever fails, its row never goes back to the queue. If a step cannot be
 * written, its accepted e-mails stay SENDING (AMBIGUOUS when the lease runs out, never resent), its rows to start
 * stay CLAIMED (back to the queue after the lease), and nothing more is started.
 */
export async function sendClaimed(
  context: DeliveryContext,
  emails: { email: ClaimedEmail; composed: ComposedEmail }[],
  window: SendingWindow = new SendingWindow(),
): Promise<void> {
  const refill = Math.max(1, Math.floor(window.size / 2));
  let next = 0;
  /** This batch's rows started and not yet recorded: out with the server, answered, or being recorded. */
  let sending = 0;
  /** Answered rows that steps under way are recording. */
  let recording = 0;
  let steps = 0;
  let stopped = false;
  const accepted: SentOutcome[] = [];
  let firstAcceptedAt = 0;
  let wake: (() => void) | undefined;

  const handOver = async ({ email, composed }: { email: ClaimedEmail; composed: ComposedEmail }) => {
    try {
      const { response } = await context.transport.send({
        from: context.from,
        to: email.toAddress,
        subject: composed.subject,
        text: composed.text,
        html: composed.html,
        headers: composed.headers,
      });
      if (accepted.length === 0) firstAcceptedAt = performance.now();
      accepted.push({ id: email.id, kind: email.kind, response, text: redactCredentials(composed.text), html: redactCredentials(composed.html) });
    } catch (error) {
      await recordFailure(context, email, error);
      sending--;
      window.release(1);
    } finally {
      wake?.();
    }
  };

  const step = async (outcomes: SentOutcome[], starting: { email: ClaimedEmail; composed: ComposedEmail }[]) => {
    let started = new Set<string>();
    const written = await persistently(context.recordAttempts, async () => {
      started = await recordSentAndStart(
        context.db,
        context.owner,
        context.now(),
        outcomes,
        starting.map((item) => item.email.id),
      );
    });
    if (!written) {
      stopped = true;
      for (const outcome of outcomes)
        console.error(
          `Outbox: e-mail ${outcome.id} was accepted by the SMTP server but could not be recorded as sent; it will be reported as ambiguous, never resent.`,
        );
    }
    steps--;
    recording -= outcomes.length;
    sending -= outcomes.length;
    sending += started.size;
    window.release(outcomes.length + starting.length - started.size);
    for (const item of starting) if (started.has(item.email.id)) void handOver(item);
    wake?.();
  };

  for (;;) {
    const remaining = stopped ? 0 : emails.length - next;
    if (remaining === 0 && sending === 0 && steps === 0) return;
    const waited = performance.now() - firstAcceptedAt;
    const out = sending - accepted.length - recording;
    const due =
      steps < MAX_STEPS &&
      (accepted.length >= refill || (accepted.length > 0 && (out === 0 || waited >= HOLD_MS)) || (remaining > 0 && window.free >= Math.min(refill, remaining)));
    if (!due) {
      let timer: NodeJS.Timeout | undefined;
      let cancel: (() => void) | undefined;
      await new Promise<void>((resolve) => {
        wake = resolve;
        if (remaining > 0) cancel = window.onRelease(resolve);
        if (accepted.length > 0 && steps < MAX_STEPS) timer = setTimeout(resolve, HOLD_MS - waited);
      });
      clearTimeout(timer);
      cancel?.();
      wake = undefined;
      continue;
    }
    const outcomes = accepted.splice(0, MAX_GROUP);
    if (accepted.length > 0) firstAcceptedAt = 0;
    const starting = emails.slice(next, next + Math.min(remaining, window.free + outcomes.length));
    next += starting.length;
    steps++;
    recording += outcomes.length;
    window.take(starting.length);
    void step(outcomes, starting);
  }
}

/** Sends one claimed row: SENDING, the hand-over, the outcome recorded. Nothing is sent if the row is no longer this worker's. */
export async function deliverEmail(context: DeliveryContext, email: ClaimedEmail, composed: ComposedEmail) {
  await sendClaimed(context, [{ email, composed }], new SendingWindow(1));
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
  /** Shared by the batches a worker sends at once; each pass has its own otherwise. */
  window?: SendingWindow;
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
  const renewal = setInterval(
    () => {
      db.outboundEmail
        .updateMany({
          where: { leaseOwner: owner, status: { in: ["CLAIMED", "SENDING"] } },
          data: { leaseExpiresAt: new Date(now().getTime() + leaseSeconds * 1000) },
        })
        .catch((error: unknown) => console.error("Outbox: lease renewal failed:", error));
    },
    (leaseSeconds * 1000) / 3,
  );
  try {
    // The organisation's name and address as they are now, for every e-mail of the batch.
    const settings = await getSiteSettings(db);
    const compositions = await composeEmails(db, batch, now(), settings);
    const context: DeliveryContext = {
      db,
      transport: options.transport,
      from: senderFor(settings, options.from),
      owner,
      now,
      retryBaseSeconds: options.retryBaseSeconds ?? OUTBOX_POLICY.baseBackoffSeconds,
      recordAttempts: options.recordAttempts ?? OUTBOX_POLICY.recordAttempts,
    };
    // Rows whose reason went away are cancelled, one statement per reason.
    const cancelled = new Map<string, string[]>();
    const sendable: { email: ClaimedEmail; composed: ComposedEmail }[] = [];
    for (const email of batch) {
      const composition = compositions.get(email.id)!;
      if ("cancel" in composition) cancelled.set(composition.cancel, [...(cancelled.get(composition.cancel) ?? []), email.id]);
      else sendable.push({ email, composed: composition.email });
    }
    for (const [reason, ids] of cancelled) {
      await db.outboundEmail.updateMany({
        where: { id: { in: ids }, leaseOwner: owner, status: "CLAIMED" },
        data: { status: "CANCELLED", lastError: reason, leaseOwner: null, leaseExpiresAt: null },
      });
    }
    await sendClaimed(context, sendable, options.window);
  } finally {
    clearInterval(renewal);
  }
  return batch.length;
}

/**
 * Runs until `signal` aborts: sends whatever is due, sleeping `idleMs` when there is nothing. Two passes run side
 * by side and share one sending window, so the next batch is claimed and rendered while the last messages of the
 * current one are out, and the SMTP pool never waits for a batch boundary.
 */
export async function runOutboxWorker(options: OutboxOptions & { signal: AbortSignal; idleMs?: number }) {
  const { signal, idleMs = 1000 } = options;
  const window = options.window ?? new SendingWindow();
  const passes = async () => {
    while (!signal.aborted) {
      let claimed = 0;
      try {
        claimed = await processOutboxOnce({ ...options, window });
      } catch (error) {
        console.error("Outbox worker pass failed:", error);
      }
      if (claimed === 0) await sleep(idleMs, signal);
    }
  };
  await Promise.all([passes(), passes()]);
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
