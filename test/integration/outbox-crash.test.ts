// Real worker processes, killed or deprived of their SMTP server mid-publication: nobody is mailed twice,
// nobody is forgotten, and only messages whose data may have reached the server are left for a host.
import { describe, expect, it } from "vitest";
import { createDatabase } from "@/lib/db/client";
import { OUTBOX_POLICY } from "@/lib/notifications/outbox-worker";
import { publishRecap } from "@/lib/recaps/publish-recap";
import { saveRecap } from "@/lib/recaps/save-recap";
import { createEvent, createHost, createRecapRequests } from "../factories";
import { startSmtpSink, type ReceivedMail } from "../smtp-sink";
import { killProcess, startWorkerProcess, waitFor } from "../worker-process";

const db = createDatabase();

/** An event with `count` confirmed requesters and a saved recap, ready to publish. */
async function eventAwaitingRecap(count: number) {
  const host = await createHost(db);
  const event = await createEvent(db);
  await createRecapRequests(db, event.id, count);
  await saveRecap({ db, actor: host, eventSlug: event.slug, input: { body: "Le compte rendu." } });
  return { event, host };
}

const settled = async (eventId: string, count: number) =>
  (await db.job.count({ where: { kind: "recap-fanout", status: { in: ["PENDING", "RUNNING"] } } })) === 0 &&
  (await db.outboundEmail.count({ where: { recap: { eventId } } })) === count &&
  (await db.outboundEmail.count({ where: { recap: { eventId }, status: { in: ["PENDING", "CLAIMED", "SENDING"] } } })) === 0;

function receivedCounts(received: ReceivedMail[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const mail of received) for (const to of mail.to) counts.set(to, (counts.get(to) ?? 0) + 1);
  return counts;
}

describe("the worker killed mid-batch", () => {
  it("loses nothing and sends nothing twice once another worker takes over", async () => {
    const REQUESTERS = 60;
    const smtp = await startSmtpSink({ delayMs: 40 });
    const { event, host } = await eventAwaitingRecap(REQUESTERS);
    expect((await publishRecap({ db, actor: host, eventSlug: event.slug })).notified).toBe(REQUESTERS);

    const first = startWorkerProcess({ SMTP_URL: smtp.url });
    await waitFor(() => smtp.received.length >= 15, 60_000, "the first messages");
    await killProcess(first);
    expect(smtp.received.length).toBeLessThan(REQUESTERS);

    const second = startWorkerProcess({ SMTP_URL: smtp.url });
    await waitFor(() => settled(event.id, REQUESTERS), 90_000, "every e-mail settled");
    await killProcess(second);

    const rows = await db.outboundEmail.findMany({ where: { recap: { eventId: event.id } }, select: { toAddress: true, status: true } });
    const counts = receivedCounts(smtp.received);
    // Nobody received the recap twice.
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
    // Every row ended SENT, except those cut off mid-send, which are AMBIGUOUS and not resent.
    expect(rows.every((row) => row.status === "SENT" || row.status === "AMBIGUOUS")).toBe(true);
    for (const row of rows.filter((row) => row.status === "SENT")) expect(counts.get(row.toAddress)).toBe(1);
    // Only messages being handed over at the moment of the kill: at most one per sending lane.
    expect(rows.filter((row) => row.status === "AMBIGUOUS").length).toBeLessThanOrEqual(OUTBOX_POLICY.concurrency);
    for (const row of rows.filter((row) => !counts.has(row.toAddress))) expect(row.status).toBe("AMBIGUOUS");
    await smtp.close();
  }, 180_000);
});

describe("the worker killed while it expands a publication's fan-out", () => {
  it("is resumed by another worker from where it stopped: every requester mailed exactly once", async () => {
    const REQUESTERS = 600;
    const smtp = await startSmtpSink();
    const { event, host } = await eventAwaitingRecap(REQUESTERS);
    await publishRecap({ db, actor: host, eventSlug: event.slug });

    // Small batches, so the expansion takes many transactions and the kill lands in the middle of it.
    const first = startWorkerProcess({ SMTP_URL: smtp.url, FANOUT_BATCH_SIZE: "10" });
    await waitFor(
      async () => ((await db.job.findFirst({ where: { kind: "recap-fanout", status: "RUNNING" }, select: { progress: true } }))?.progress ?? 0) >= 100,
      60_000,
      "the expansion under way",
    );
    await killProcess(first);
    const job = await db.job.findFirstOrThrow({ where: { kind: "recap-fanout" }, orderBy: { createdAt: "desc" }, select: { progress: true, status: true } });
    expect(job.status).toBe("RUNNING");
    expect(job.progress).toBeLessThan(REQUESTERS);

    const second = startWorkerProcess({ SMTP_URL: smtp.url, FANOUT_BATCH_SIZE: "10" });
    await waitFor(() => settled(event.id, REQUESTERS), 150_000, "every e-mail settled");
    await killProcess(second);

    // One row per requester, each sent once (or, for the few being handed over at the kill, left ambiguous).
    const rows = await db.outboundEmail.findMany({ where: { recap: { eventId: event.id } }, select: { toAddress: true, status: true } });
    expect(new Set(rows.map((row) => row.toAddress)).size).toBe(REQUESTERS);
    const counts = receivedCounts(smtp.received);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
    expect(rows.filter((row) => row.status === "AMBIGUOUS").length).toBeLessThanOrEqual(OUTBOX_POLICY.concurrency);
    expect(rows.filter((row) => row.status === "SENT").length + rows.filter((row) => row.status === "AMBIGUOUS").length).toBe(REQUESTERS);
    expect(
      await db.job.findFirstOrThrow({ where: { kind: "recap-fanout" }, orderBy: { createdAt: "desc" }, select: { status: true, progress: true } }),
    ).toEqual({ status: "DONE", progress: REQUESTERS });
    await smtp.close();
  }, 240_000);
});

describe("the SMTP server dying mid-fan-out and coming back", () => {
  it("leaves every e-mail SENT but at most the pool's in-flight ones AMBIGUOUS, none sent twice", async () => {
    const REQUESTERS = 400;
    const POOL = 10;
    const smtp = await startSmtpSink({ delayMs: 5 });
    const { event, host } = await eventAwaitingRecap(REQUESTERS);
    await publishRecap({ db, actor: host, eventSlug: event.slug });
    const worker = startWorkerProcess({ SMTP_URL: `${smtp.url}?maxConnections=${POOL}` });
    await waitFor(() => smtp.received.length >= 100, 60_000, "a hundred messages");
    await smtp.crash();
    await new Promise((resolve) => setTimeout(resolve, 4000));
    await smtp.restart();
    await waitFor(() => settled(event.id, REQUESTERS), 120_000, "every e-mail settled");
    await killProcess(worker);

    const rows = await db.outboundEmail.findMany({ where: { recap: { eventId: event.id } }, select: { toAddress: true, status: true } });
    const counts = receivedCounts(smtp.received);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
    const ambiguous = rows.filter((row) => row.status === "AMBIGUOUS");
    // Only the messages whose data had reached the server when it died, at most one per pooled connection.
    expect(ambiguous.length).toBeLessThanOrEqual(POOL);
    expect(rows.filter((row) => row.status === "SENT").length).toBe(REQUESTERS - ambiguous.length);
    for (const row of rows.filter((row) => row.status === "SENT")) expect(counts.get(row.toAddress)).toBe(1);
    for (const row of ambiguous) expect(counts.has(row.toAddress)).toBe(false);
    await smtp.close();
  }, 240_000);
});
