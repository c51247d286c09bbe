// The worker's sending loop (runOutboxWorker), as a worker process runs it, here in the test's process: what is due
// goes out, what is queued while it idles goes out next, each e-mail once, and it stops when told — at once, even
// in the middle of a long idle wait. The processes themselves are tested in outbox-crash.test.ts.
import { describe, expect, it } from "vitest";
import { createDatabase } from "@/lib/db/client";
import { createMailTransport } from "@/lib/notifications/mailer";
import { runOutboxWorker, sleep } from "@/lib/notifications/outbox-worker";
import { requestRecap } from "@/lib/recaps/request-recap";
import { createEvent } from "../factories";
import { smtpForTests } from "../setup/smtp-for-tests";
import { startSmtpSink } from "../smtp-sink";
import { waitFor } from "../worker-process";

const db = createDatabase();
const from = "Debrief <debrief@example.org>";
const { smtp, transport } = await smtpForTests({ emptiedBeforeEach: true });
let ipCounter = 0;

/** A confirmation e-mail queued for `email`, as a reader asking for the recap queues it. */
async function ask(slug: string, email: string) {
  await requestRecap({ db, eventSlug: slug, input: { email }, client: { ip: `198.51.100.${++ipCounter}` }, fallbackLocale: "fr" });
}

describe("the outbox worker, running", () => {
  it("sends what is due, then what is queued while it idles, each e-mail once, and stops when told", async () => {
    const { slug } = await createEvent(db);
    for (const name of ["alma", "basile", "chloe"]) await ask(slug, `${name}@example.org`);
    const controller = new AbortController();
    const running = runOutboxWorker({ db, transport, from, signal: controller.signal, idleMs: 100, batchSize: 2 });
    await waitFor(() => smtp.received.length >= 3, 15_000, "the three e-mails due");

    // Idle now: what is queued next goes out without anyone waking it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const name of ["dora", "emile"]) await ask(slug, `${name}@example.org`);
    await waitFor(() => smtp.received.length >= 5, 15_000, "the two e-mails queued while idle");
    controller.abort();
    await running;

    const addresses = ["alma", "basile", "chloe", "dora", "emile"].map((name) => `${name}@example.org`);
    expect(smtp.received.map((mail) => mail.to[0]).sort()).toEqual(addresses);
    const rows = await db.outboundEmail.findMany({ where: { toAddress: { in: addresses } }, select: { status: true } });
    expect(rows.map((row) => row.status)).toEqual(Array(5).fill("SENT"));
  });

  it("stops at once when told while idle, however long it was to sleep", async () => {
    const controller = new AbortController();
    const running = runOutboxWorker({ db, transport, from, signal: controller.signal, idleMs: 600_000 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    controller.abort();
    const stopped = await Promise.race([running.then(() => "stopped"), new Promise((resolve) => setTimeout(() => resolve("still running"), 5000).unref())]);
    expect(stopped).toBe("stopped");
  });

  it("sends the next batch while the last e-mail of the one before waits for a slow server's answer", async () => {
    // The server holds its answer to the first e-mail until the second arrives (or 10 s pass): with one batch at a
    // time, the second would wait for that answer.
    let secondArrived = () => {};
    const second = new Promise<boolean>((resolve) => {
      secondArrived = () => resolve(true);
      setTimeout(() => resolve(false), 10_000).unref();
    });
    let secondBeforeFirstAnswered: boolean | undefined;
    const slow = await startSmtpSink({
      async onMessage() {
        if (slow.received.length === 1) secondBeforeFirstAnswered = await second;
        else secondArrived();
      },
    });
    const slowTransport = createMailTransport(slow.url);
    try {
      const { slug } = await createEvent(db);
      await ask(slug, "lent-1@example.org");
      await ask(slug, "lent-2@example.org");
      const controller = new AbortController();
      const running = runOutboxWorker({ db, transport: slowTransport, from, signal: controller.signal, idleMs: 100, batchSize: 1 });
      await waitFor(() => secondBeforeFirstAnswered !== undefined, 15_000, "the server's answer to the first e-mail");
      controller.abort();
      await running;
      expect(secondBeforeFirstAnswered).toBe(true);
      expect(slow.received.map((mail) => mail.to[0]).sort()).toEqual(["lent-1@example.org", "lent-2@example.org"]);
    } finally {
      slowTransport.close();
      await slow.close();
    }
  });
});

describe("the worker's sleep", () => {
  it("lasts its time, ends at once when its signal aborts, and does not start when already aborted", async () => {
    let started = Date.now();
    await sleep(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);

    const controller = new AbortController();
    started = Date.now();
    const sleeping = sleep(60_000, controller.signal);
    setTimeout(() => controller.abort(), 50);
    await sleeping;
    expect(Date.now() - started).toBeLessThan(5000);

    started = Date.now();
    await sleep(60_000, controller.signal);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
