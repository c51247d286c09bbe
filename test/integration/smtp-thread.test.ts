// The worker sends through nodemailer in a thread of its own (lib/notifications/threaded-transport.ts). What a
// requester and a host see must not change: each e-mail arrives once, as it would from the main thread, and every
// way a send can fail is sorted as before — refused for good, worth retrying, or ambiguous and never resent.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createDatabase } from "@/lib/db/client";
import { composeEmails } from "@/lib/notifications/compose-emails";
import { classifyDeliveryError, createMailTransport } from "@/lib/notifications/mailer";
import { processOutboxOnce } from "@/lib/notifications/outbox-worker";
import { createThreadedMailTransport } from "@/lib/notifications/threaded-transport";
import { requestRecap } from "@/lib/recaps/request-recap";
import { freePort } from "@/scripts/free-port";
import { runDueJobs } from "@/lib/jobs/run-worker";
import { publishRecap } from "@/lib/recaps/publish-recap";
import { saveRecap } from "@/lib/recaps/save-recap";
import { createEvent, createHost, createRecapRequest } from "../factories";
import { startSmtpSink } from "../smtp-sink";

const db = createDatabase();
const from = "Debrief <debrief@example.org>";
const smtp = await startSmtpSink();
const threaded = createThreadedMailTransport(`${smtp.url}?maxConnections=2`);
let slug: string;
let ipCounter = 0;

beforeEach(async () => {
  slug = (await createEvent(db, { title: "Atelier fil" })).slug;
  smtp.received.length = 0;
});
afterAll(async () => {
  threaded.close();
  await smtp.close();
});

const ask = (email: string) => requestRecap({ db, eventSlug: slug, input: { email }, client: { ip: `192.0.2.${++ipCounter}` }, fallbackLocale: "fr" });
const rowTo = (email: string) => db.outboundEmail.findFirstOrThrow({ where: { toAddress: email } });

describe("sending from the SMTP thread", () => {
  it("delivers each e-mail once, as the main thread's transport writes it, and records the server's answer", async () => {
    // The recap e-mail, with its one-click unsubscribe headers, to thirty people.
    const event = await createEvent(db, { title: "Atelier fil, compte rendu" });
    const addresses = Array.from({ length: 30 }, (_, index) => `fil-${index}@example.org`);
    for (const email of addresses) await createRecapRequest(db, event.id, { email });
    const host = await createHost(db);
    await saveRecap({ db, actor: host, eventSlug: event.slug, input: { body: "Ce qui s'est dit.", links: [] } });
    await publishRecap({ db, actor: host, eventSlug: event.slug });
    await runDueJobs({ db, owner: "test-fanout" });
    await processOutboxOnce({ db, transport: threaded, from });
    expect(smtp.received.map((mail) => mail.to).sort()).toEqual(addresses.map((email) => [email]).sort());
    for (const email of addresses) expect(await rowTo(email)).toMatchObject({ status: "SENT", smtpResponse: expect.stringMatching(/^250/) });
    // At most the two connections SMTP_URL allows.
    expect(new Set(smtp.received.map((mail) => mail.sessionId)).size).toBeLessThanOrEqual(2);

    // The same message from the main thread's transport: the same headers and parts, but for ids, dates and the
    // signed link's signature.
    const [fromThread] = smtp.received;
    smtp.received.length = 0;
    const row = await db.outboundEmail.findFirstOrThrow({
      where: { toAddress: fromThread.to[0] },
      select: { id: true, kind: true, toAddress: true, locale: true, payload: true, recapRequestId: true, recapId: true, userId: true },
    });
    const composition = (await composeEmails(db, [row], new Date())).get(row.id)!;
    if (!("email" in composition)) throw new Error(`not sendable: ${composition.cancel}`);
    const { subject, text, html, headers } = composition.email;
    const direct = createMailTransport(smtp.url);
    await direct.send({ from, to: row.toAddress, subject, text, html, headers });
    direct.close();
    const shape = (raw: string) =>
      raw
        .split(/\r?\n\r?\n/)[0]
        .split(/\r?\n(?![ \t])/)
        .map((line) => line.split(":")[0])
        .sort();
    expect(Object.keys(headers)).toEqual(expect.arrayContaining(["List-Unsubscribe", "List-Unsubscribe-Post"]));
    for (const name of Object.keys(headers)) expect(shape(fromThread.raw)).toContain(name);
    expect(shape(smtp.received[0].raw)).toEqual(shape(fromThread.raw));
    expect(smtp.received[0].subject).toBe(fromThread.subject);
  });

  it("sorts the server's refusals as before: 5xx fails for good, 4xx is retried later", async () => {
    await ask("refusee@example.org");
    smtp.rejectNext(550, "No such user");
    await processOutboxOnce({ db, transport: threaded, from });
    expect(await rowTo("refusee@example.org")).toMatchObject({ status: "FAILED", lastError: expect.stringContaining("550") });

    await ask("patiente@example.org");
    smtp.rejectNext(451, "Try again later");
    const now = new Date();
    await processOutboxOnce({ db, transport: threaded, from, now: () => now });
    const retried = await rowTo("patiente@example.org");
    expect(retried).toMatchObject({ status: "PENDING", attempts: 1, lastError: expect.stringContaining("451") });
    expect(retried.nextAttemptAt.getTime()).toBeGreaterThan(now.getTime());
    expect(smtp.received).toHaveLength(0);
  });

  it("retries when no server answers the connection, but never resends a message whose data went out unanswered", async () => {
    const nobody = createThreadedMailTransport(`smtp://127.0.0.1:${await freePort()}`, { timeoutSeconds: 2 });
    const silent = await startSmtpSink({ neverAnswerData: true });
    const impatient = createThreadedMailTransport(silent.url, { timeoutSeconds: 1 });
    try {
      await ask("personne@example.org");
      await processOutboxOnce({ db, transport: nobody, from });
      expect(await rowTo("personne@example.org")).toMatchObject({ status: "PENDING", attempts: 1, lastError: expect.stringMatching(/ECONNREFUSED/) });

      await ask("incertaine@example.org");
      await processOutboxOnce({ db, transport: impatient, from });
      expect(await rowTo("incertaine@example.org")).toMatchObject({ status: "AMBIGUOUS", lastError: expect.stringMatching(/ESENDTIMEOUT|ETIMEDOUT/) });
    } finally {
      nobody.close();
      impatient.close();
      void silent.close();
    }
  });

  it("stops the worker at start-up when the thread cannot start (a malformed SMTP_URL), and counts its sends as never sent", async () => {
    const broken = createThreadedMailTransport("smtp://[", { timeoutSeconds: 1 });
    await expect(broken.ready).rejects.toThrow(/could not start/);
    const error = await broken.send({ from, to: "x@example.org", subject: "S", text: "T", html: "<p>T</p>", headers: {} }).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(classifyDeliveryError(error).kind).toBe("retry");
    broken.close();
  });
});
