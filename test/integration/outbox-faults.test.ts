// Exactly once under faults: the database refusing the SENT write, leases that expire, withdrawals racing
// a worker, retries and resends that must never reach people who withdrew or erased their request.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { createDatabase, engineOf } from "@/lib/db/client";
import { composeEmails, type ComposedEmail } from "@/lib/notifications/compose-emails";
import { createMailTransport } from "@/lib/notifications/mailer";
import { claimDueEmails, type DeliveryContext, deliverEmail, processOutboxOnce } from "@/lib/notifications/outbox-worker";
import { claimNextJob, recordJobProgress } from "@/lib/jobs/job-queue";
import { runDueJobs } from "@/lib/jobs/run-worker";
import { recordSentAndStart } from "@/lib/notifications/sent-recorder";
import { eraseRecapRequest } from "@/lib/recaps/erase-recap-request";
import { publishRecap } from "@/lib/recaps/publish-recap";
import { manageToken } from "@/lib/recaps/recap-request-links";
import { requeueRecapEmails } from "@/lib/recaps/requeue-recap-emails";
import { saveRecap } from "@/lib/recaps/save-recap";
import { withdrawRecapRequest } from "@/lib/recaps/withdraw-recap-request";
import { deliverAll } from "../deliver-all";
import { createEvent, createHost, createRecapRequest } from "../factories";
import { smtpForTests } from "../setup/smtp-for-tests";
import { startSmtpSink } from "../smtp-sink";

const db = createDatabase();
const from = "Debrief <debrief@example.org>";
const { smtp, transport } = await smtpForTests({ emptiedBeforeEach: true });
let host: Actor;

beforeAll(async () => {
  host = await createHost(db);
});

const mailsTo = (address: string) => smtp.received.filter((mail) => mail.to.includes(address));

/** An event whose published recap has been expanded into one queued e-mail per given requester. */
async function queuedRecap(requesters: number) {
  const event = await createEvent(db);
  const requests = [];
  for (let index = 0; index < requesters; index++) requests.push(await createRecapRequest(db, event.id));
  await saveRecap({ db, actor: host, eventSlug: event.slug, input: { body: "Le compte rendu." } });
  await publishRecap({ db, actor: host, eventSlug: event.slug });
  await runDueJobs({ db, owner: "test-fanout" });
  return { event, requests };
}

function context(owner: string, now: () => Date = () => new Date()) {
  const context: DeliveryContext = { db, transport, from, owner, now, retryBaseSeconds: 30, recordAttempts: 1 };
  return context;
}

async function composed(id: string): Promise<ComposedEmail> {
  const row = await db.outboundEmail.findUniqueOrThrow({
    where: { id },
    select: { id: true, kind: true, toAddress: true, locale: true, payload: true, recapRequestId: true, recapId: true, userId: true },
  });
  const composition = (await composeEmails(db, [row], new Date())).get(id)!;
  if (!("email" in composition)) throw new Error(`not sendable: ${composition.cancel}`);
  return composition.email;
}

describe("recording the outcome after the server accepted the message", () => {
  it("still sends the e-mails of a step whose write was committed although its answer was lost, once each", async () => {
    await queuedRecap(2);
    const owner = "worker-lost-answer";
    const claimed = await claimDueEmails(db, owner, new Date(), 10, 60);
    expect(claimed).toHaveLength(2);
    const ids = claimed.map((email) => email.id);
    // The first try commits; its answer never reaches the worker, which tries the same step again.
    expect(await recordSentAndStart(db, owner, new Date(), [], ids)).toEqual(new Set(ids));
    expect(await recordSentAndStart(db, owner, new Date(), [], ids)).toEqual(new Set(ids));
    const rows = await db.outboundEmail.findMany({ where: { id: { in: ids } }, select: { status: true, attempts: true } });
    expect(rows).toEqual([
      { status: "SENDING", attempts: 1 },
      { status: "SENDING", attempts: 1 },
    ]);
    // Another worker's step cannot start them.
    expect(await recordSentAndStart(db, "another-worker", new Date(), [], ids)).toEqual(new Set());
  });

  it("never sends it again when the SENT write fails: the row stays SENDING, then becomes AMBIGUOUS", async () => {
    const { requests } = await queuedRecap(1);
    const address = requests[0].email;
    // The database refuses to record SENT (a real failure, raised by the database itself).
    if (engineOf(db) === "postgresql") {
      await db.$executeRawUnsafe(
        `CREATE OR REPLACE FUNCTION refuse_sent() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'injected: write refused'; END $$ LANGUAGE plpgsql`,
      );
      await db.$executeRawUnsafe(
        `CREATE TRIGGER refuse_sent BEFORE UPDATE ON "OutboundEmail" FOR EACH ROW WHEN (NEW."status" = 'SENT') EXECUTE FUNCTION refuse_sent()`,
      );
    } else {
      await db.$executeRawUnsafe(
        `CREATE TRIGGER refuse_sent BEFORE UPDATE OF "status" ON "OutboundEmail" WHEN NEW."status" = 'SENT' BEGIN SELECT RAISE(ABORT, 'injected: write refused'); END`,
      );
    }
    try {
      await processOutboxOnce({ db, transport, from, workerId: "a", leaseSeconds: 2, recordAttempts: 2 });
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER refuse_sent${engineOf(db) === "postgresql" ? ` ON "OutboundEmail"` : ""}`);
    }
    expect(mailsTo(address)).toHaveLength(1);
    const row = await db.outboundEmail.findFirstOrThrow({ where: { recapRequestId: requests[0].id } });
    expect(row.status).toBe("SENDING");

    // Later passes, after the lease ran out: AMBIGUOUS for a host to decide, never sent again.
    const later = () => new Date(Date.now() + 10_000);
    await processOutboxOnce({ db, transport, from, workerId: "b", now: later });
    await processOutboxOnce({ db, transport, from, workerId: "b", now: later });
    expect((await db.outboundEmail.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("AMBIGUOUS");
    expect(mailsTo(address)).toHaveLength(1);
  });
});

describe("leases", () => {
  it("a worker whose lease expired cannot overwrite, or send, the row another worker took over", async () => {
    const { requests } = await queuedRecap(1);
    const t0 = new Date();
    const [mine] = await claimDueEmails(db, "worker-a/1", t0, 10, 1);
    expect(mine.recapRequestId).toBe(requests[0].id);
    const message = await composed(mine.id);
    // Worker A stalls past its lease; worker B recovers the row and takes it.
    const t1 = new Date(t0.getTime() + 5000);
    await processOutboxOnce({ db, transport, from, workerId: "worker-b", now: () => t1 });
    expect(mailsTo(requests[0].email)).toHaveLength(1);
    const afterB = await db.outboundEmail.findUniqueOrThrow({ where: { id: mine.id } });
    expect(afterB).toMatchObject({ status: "SENT" });
    expect(afterB.leaseOwner).toMatch(/^worker-b\//);

    // A wakes up and carries on with what it held: nothing is sent, nothing is overwritten.
    await deliverEmail(context("worker-a/1"), mine, message);
    expect(mailsTo(requests[0].email)).toHaveLength(1);
    expect(await db.outboundEmail.findUniqueOrThrow({ where: { id: mine.id } })).toEqual(afterB);
  });

  it("a publication's fan-out whose worker vanished is taken over once the lease that worker was given has passed", async () => {
    const event = await createEvent(db);
    const requests = [];
    for (let index = 0; index < 3; index++) requests.push(await createRecapRequest(db, event.id));
    await saveRecap({ db, actor: host, eventSlug: event.slug, input: { body: "Le compte rendu." } });
    await publishRecap({ db, actor: host, eventSlug: event.slug });
    const recap = await db.recap.findUniqueOrThrow({ where: { eventId: event.id }, select: { id: true } });
    // Worker A, configured with 5-second leases, records a step of this publication's expansion and is gone.
    const t0 = new Date();
    const job = await claimNextJob(db, "worker-a/1", t0, 5);
    expect(job && { kind: job.kind, payload: JSON.parse(job.payload) }).toEqual({ kind: "recap-fanout", payload: { recapId: recap.id } });
    await db.$transaction((tx) => recordJobProgress(tx, job!, { cursor: null, progress: 0 }, t0));

    // Four seconds later its lease still holds: worker B leaves the job alone.
    const at = (seconds: number) => () => new Date(t0.getTime() + seconds * 1000);
    expect(await runDueJobs({ db, owner: "worker-b", leaseSeconds: 5, now: at(4) })).toBe(0);
    expect(await db.job.findUniqueOrThrow({ where: { id: job!.id }, select: { status: true, leaseOwner: true } })).toEqual({
      status: "RUNNING",
      leaseOwner: "worker-a/1",
    });
    // Six seconds later it has passed: worker B finishes the expansion, and each requester is mailed once.
    await runDueJobs({ db, owner: "worker-b", leaseSeconds: 5, now: at(6) });
    expect(await db.job.findUniqueOrThrow({ where: { id: job!.id }, select: { status: true, progress: true } })).toEqual({ status: "DONE", progress: 3 });
    await deliverAll({ db, transport, now: at(6) });
    for (const request of requests) expect(mailsTo(request.email)).toHaveLength(1);
  });
});

describe("a slow SMTP server", () => {
  it("does not let another worker take over, or give up on, an e-mail still being sent: its lease is renewed until the server answers", async () => {
    const { requests } = await queuedRecap(1);
    const slow = await startSmtpSink({ delayMs: 3_500 });
    const slowTransport = createMailTransport(slow.url);
    try {
      // Worker A's lease is 2 s; the server takes 3.5 s to accept. Worker B looks for work once A's first lease
      // would have run out.
      const workerA = processOutboxOnce({ db, transport: slowTransport, from, workerId: "worker-a", leaseSeconds: 2 });
      const row = { recapRequestId: requests[0].id };
      let firstLease: Date | null = null;
      while (!firstLease) {
        firstLease = (await db.outboundEmail.findFirstOrThrow({ where: row })).leaseExpiresAt;
        if (!firstLease) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, firstLease.getTime() + 300 - Date.now())));
      try {
        expect(await processOutboxOnce({ db, transport: slowTransport, from, workerId: "worker-b", leaseSeconds: 2 })).toBe(0);
        // Still being sent, as the hosts' mailbox shows it — not given up as ambiguous (which would stop any retry).
        expect(await db.outboundEmail.findFirstOrThrow({ where: row })).toMatchObject({ status: "SENDING" });
      } finally {
        expect(await workerA).toBe(1);
      }
      expect(slow.received.filter((mail) => mail.to.includes(requests[0].email))).toHaveLength(1);
      expect(await db.outboundEmail.findFirstOrThrow({ where: row })).toMatchObject({ status: "SENT" });
    } finally {
      slowTransport.close();
      await slow.close();
    }
  });
});

describe("withdrawal", () => {
  it("cancels queued mail in the same transaction, and a worker already holding it (CLAIMED) does not send it", async () => {
    const { requests } = await queuedRecap(2);
    const [claimedRequest, queuedRequest] = requests;
    const claimed = await claimDueEmails(db, "worker-c/1", new Date(), 1);
    const held = claimed[0];
    const heldRequest = held.recapRequestId === claimedRequest.id ? claimedRequest : queuedRequest;
    const otherRequest = heldRequest === claimedRequest ? queuedRequest : claimedRequest;
    const message = await composed(held.id);

    await withdrawRecapRequest({ db, token: manageToken(heldRequest.id) });
    await withdrawRecapRequest({ db, token: manageToken(otherRequest.id) });
    for (const request of [heldRequest, otherRequest]) {
      expect(await db.outboundEmail.findFirstOrThrow({ where: { recapRequestId: request.id } })).toMatchObject({
        status: "CANCELLED",
        lastError: "withdrawn by the recipient",
      });
    }
    await deliverEmail(context("worker-c/1"), held, message);
    await deliverAll({ db, transport });
    expect(mailsTo(heldRequest.email)).toHaveLength(0);
    expect(mailsTo(otherRequest.email)).toHaveLength(0);
  });

  it("the host's retry and resend never mail someone who withdrew or erased their request", async () => {
    const { event, requests } = await queuedRecap(3);
    const [withdrawn, erased, still] = requests;
    smtp.rejectNext(550, "Mailbox unavailable", 3);
    await processOutboxOnce({ db, transport, from });
    expect(await db.outboundEmail.count({ where: { recapRequest: { eventId: event.id }, status: "FAILED" } })).toBe(3);

    await withdrawRecapRequest({ db, token: manageToken(withdrawn.id) });
    await eraseRecapRequest({ db, token: manageToken(erased.id) });
    expect(await requeueRecapEmails({ db, actor: host, eventSlug: event.slug, status: "FAILED" })).toEqual({ requeued: 1 });
    expect(await db.outboundEmail.findFirstOrThrow({ where: { recapRequestId: withdrawn.id } })).toMatchObject({ status: "FAILED" });
    await deliverAll({ db, transport });
    expect(mailsTo(still.email)).toHaveLength(1);
    expect(mailsTo(withdrawn.email)).toHaveLength(0);
    expect(mailsTo(erased.email)).toHaveLength(0);

    // The same for an ambiguous send, resent by the host after reading the report.
    await db.outboundEmail.updateMany({ where: { recapRequestId: { in: [withdrawn.id, still.id] } }, data: { status: "AMBIGUOUS" } });
    await db.recapRequest.update({ where: { id: still.id }, data: { recapSentAt: null } });
    expect(await requeueRecapEmails({ db, actor: host, eventSlug: event.slug, status: "AMBIGUOUS" })).toEqual({ requeued: 1 });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "recap.resend-ambiguous" }, orderBy: { createdAt: "desc" } });
    expect(JSON.parse(audit.details)).toEqual({ eventId: event.id, count: 1 });
    await deliverAll({ db, transport });
    expect(mailsTo(withdrawn.email)).toHaveLength(0);
    expect(mailsTo(still.email)).toHaveLength(2);
  });
});

describe("the host's retry, event by event", () => {
  it("puts back only this event's failed e-mails, audited as a retry; another event's stay as they are", async () => {
    const first = await queuedRecap(2);
    const second = await queuedRecap(2);
    smtp.rejectNext(550, "Mailbox unavailable", 4);
    await processOutboxOnce({ db, transport, from });
    const failed = (eventId: string) => db.outboundEmail.count({ where: { recapRequest: { eventId }, status: "FAILED" } });
    expect([await failed(first.event.id), await failed(second.event.id)]).toEqual([2, 2]);

    expect(await requeueRecapEmails({ db, actor: host, eventSlug: second.event.slug, status: "FAILED" })).toEqual({ requeued: 2 });
    expect([await failed(first.event.id), await failed(second.event.id)]).toEqual([2, 0]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "recap.retry-failed" }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
    expect(JSON.parse(audit.details)).toEqual({ eventId: second.event.id, count: 2 });
    // Nothing ambiguous to resend here: the failed ones are not taken for it.
    expect(await requeueRecapEmails({ db, actor: host, eventSlug: first.event.slug, status: "AMBIGUOUS" })).toEqual({ requeued: 0 });
    expect(await failed(first.event.id)).toBe(2);
  });
});

describe("publishing twice before the e-mails went out", () => {
  it("queues one e-mail per person, whichever publication's fan-out writes it", async () => {
    const event = await createEvent(db);
    const requests = [await createRecapRequest(db, event.id), await createRecapRequest(db, event.id)];
    await saveRecap({ db, actor: host, eventSlug: event.slug, input: { body: "Le compte rendu." } });
    await publishRecap({ db, actor: host, eventSlug: event.slug });
    await publishRecap({ db, actor: host, eventSlug: event.slug });
    await deliverAll({ db, transport });
    for (const request of requests) expect(mailsTo(request.email)).toHaveLength(1);
  });
});
