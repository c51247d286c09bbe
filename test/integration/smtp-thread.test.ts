// The worker sends through nodemailer in a thread of its own (lib/notifications/threaded-transport.ts). What a
// requester and a host see must not change: each e-mail arrives once, as it would from the main thread, and every
// way a send can fail is sorted as before — refused for good, worth retrying, or ambiguous and never resent.
import { MessageChannel } from "node:worker_threads";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createDatabase } from "@/lib/db/client";
import { composeEmails } from "@/lib/notifications/compose-emails";
import { classifyDeliveryError, createMailTransport, type MailTransport, type OutgoingMail } from "@/lib/notifications/mailer";
import { processOutboxOnce } from "@/lib/notifications/outbox-worker";
import { serveSmtpThread, type ThreadAnswer, type ThreadRequest } from "@/lib/notifications/smtp-thread";
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
/** A short message with the given subject, as the outbox hands one over. */
const mail = (subject: string): OutgoingMail => ({ from, to: "fil@example.org", subject, text: "T", html: "<p>T</p>", headers: {} });
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

// The thread's own code, served on a port of this thread: the same requests and answers the worker's thread exchanges.
describe("the SMTP thread's side", () => {
  type Result = Extract<ThreadAnswer, { id: number }>;
  const serve = (transport: MailTransport) => {
    const channel = new MessageChannel();
    const messages: ThreadAnswer[] = [];
    let waiting: (() => void)[] = [];
    channel.port2.on("message", (answer: ThreadAnswer) => {
      messages.push(answer);
      for (const wake of waiting) wake();
      waiting = [];
    });
    const closed = new Promise<void>((resolve) => channel.port2.once("close", () => resolve()));
    serveSmtpThread(channel.port1, transport);
    const results = () => messages.filter((message): message is Result => "id" in message).sort((a, b) => a.id - b.id);
    return {
      messages,
      results,
      closed,
      post: (request: ThreadRequest) => channel.port2.postMessage(request),
      /** Resolves once `count` sends have their answer back, with those answers by id. */
      until: async (count: number) => {
        while (results().length < count) await new Promise<void>((resolve) => waiting.push(resolve));
        return results();
      },
      close: () => channel.port2.close(),
    };
  };
  /** The real transport, and whether the thread closed it. */
  const watched = (url: string, options: { timeoutSeconds?: number } = {}) => {
    const real = createMailTransport(url, options);
    const transport = {
      send: real.send,
      closed: false,
      close() {
        transport.closed = true;
        real.close();
      },
    };
    return transport;
  };

  it("says it is ready, says when it takes each message, then answers it by its id with the server's response", async () => {
    const transport = watched(smtp.url);
    const thread = serve(transport);
    try {
      thread.post({ id: 7, mail: mail("Premier") });
      thread.post({ id: 8, mail: mail("Second") });
      expect(await thread.until(2)).toEqual([
        { id: 7, response: expect.stringMatching(/^250/) },
        { id: 8, response: expect.stringMatching(/^250/) },
      ]);
      expect(thread.messages[0]).toEqual({ ready: true });
      for (const id of [7, 8]) {
        const taken = thread.messages.findIndex((message) => "taken" in message && message.taken === id);
        const answered = thread.messages.findIndex((message) => "id" in message && message.id === id);
        expect(taken).toBeGreaterThan(0);
        expect(taken).toBeLessThan(answered);
      }
      expect(smtp.received.map((received) => received.subject).sort()).toEqual(["Premier", "Second"]);
      expect(transport.closed).toBe(false);
    } finally {
      thread.close();
      transport.close();
    }
  });

  it("answers a failure with what the main thread sorts it by: the server's code and command, whether the data went out", async () => {
    const transport = watched(smtp.url);
    const thread = serve(transport);
    const silent = await startSmtpSink({ neverAnswerData: true });
    const impatient = watched(silent.url, { timeoutSeconds: 1 });
    const unanswered = serve(impatient);
    try {
      smtp.rejectNext(550, "No such user");
      thread.post({ id: 1, mail: mail("Refusé") });
      const [refused] = await thread.until(1);
      expect(refused).toEqual({
        id: 1,
        error: { message: expect.stringContaining("No such user"), code: "EENVELOPE", responseCode: 550, command: "RCPT TO", dataSent: false },
      });
      expect(classifyDeliveryError((refused as { error: object }).error).kind).toBe("permanent");

      unanswered.post({ id: 2, mail: mail("Sans réponse") });
      const [timedOut] = await unanswered.until(1);
      expect(timedOut).toEqual({ id: 2, error: expect.objectContaining({ code: "ESENDTIMEOUT", dataSent: true, message: expect.stringContaining("1 s") }) });
      expect(classifyDeliveryError((timedOut as { error: object }).error).kind).toBe("ambiguous");
    } finally {
      thread.close();
      unanswered.close();
      transport.close();
      impatient.close();
      await silent.close();
    }
  });

  it("when told to close, answers every send under way first, then closes the transport and its port", async () => {
    const slow = await startSmtpSink({ delayMs: 300 });
    const transport = watched(slow.url);
    const thread = serve(transport);
    const idle = watched(smtp.url);
    const idleThread = serve(idle);
    try {
      thread.post({ id: 1, mail: mail("En route 1") });
      thread.post({ id: 2, mail: mail("En route 2") });
      await new Promise((resolve) => setTimeout(resolve, 100));
      thread.post({ close: true });
      await thread.closed;
      expect(thread.results()).toEqual([
        { id: 1, response: expect.stringMatching(/^250/) },
        { id: 2, response: expect.stringMatching(/^250/) },
      ]);
      expect(transport.closed).toBe(true);

      // Idle, it closes at once.
      idleThread.post({ close: true });
      await idleThread.closed;
      expect(idle.closed).toBe(true);
    } finally {
      thread.close();
      idleThread.close();
      transport.close();
      idle.close();
      await slow.close();
    }
  });
});

// The thread's failures, from a thread running the real code with a fault at the worst moment: after the server took
// the message, before its answer came back (test/fixtures/faulty-smtp-thread.mjs).
describe("when the SMTP thread fails", () => {
  const faulty = new URL("../fixtures/faulty-smtp-thread.mjs", import.meta.url);
  const failure = (sending: Promise<unknown>) =>
    sending.then(
      () => {
        throw new Error("the send did not fail");
      },
      (caught: Error) => caught,
    );

  it("a thread that dies after the server took the e-mail: marked ambiguous and never resent; the next e-mail goes through a new thread", async () => {
    const transport = createThreadedMailTransport(smtp.url, { threadEntry: faulty });
    try {
      await transport.ready;
      const dying = await createEvent(db, { title: "Atelier [exit]" });
      await createRecapRequest(db, dying.id, { email: "mourant@example.org" });
      const host = await createHost(db);
      await saveRecap({ db, actor: host, eventSlug: dying.slug, input: { body: "Ce qui s'est dit.", links: [] } });
      await publishRecap({ db, actor: host, eventSlug: dying.slug });
      await runDueJobs({ db, owner: "test-thread-exit" });
      await processOutboxOnce({ db, transport, from });
      expect(await rowTo("mourant@example.org")).toMatchObject({
        status: "AMBIGUOUS",
        lastError: expect.stringMatching(/ETHREAD: the SMTP thread stopped \(exit code 1\)/),
      });
      expect(smtp.received.map((received) => received.to)).toEqual([["mourant@example.org"]]);

      // The outbox does not send it again, and the e-mails after it are sent, by a new thread.
      const next = await createEvent(db, { title: "Atelier suivant" });
      await createRecapRequest(db, next.id, { email: "suivant@example.org" });
      await saveRecap({ db, actor: host, eventSlug: next.slug, input: { body: "La suite.", links: [] } });
      await publishRecap({ db, actor: host, eventSlug: next.slug });
      await runDueJobs({ db, owner: "test-thread-exit" });
      await processOutboxOnce({ db, transport, from });
      expect(await rowTo("suivant@example.org")).toMatchObject({ status: "SENT", smtpResponse: expect.stringMatching(/^250/) });
      expect(await rowTo("mourant@example.org")).toMatchObject({ status: "AMBIGUOUS" });
      expect(smtp.received.map((received) => received.to).sort()).toEqual([["mourant@example.org"], ["suivant@example.org"]]);
    } finally {
      transport.close();
    }
  });

  it("a thread that stops answering after the server took a message is given up once the SMTP timeout and 5 s have passed, whether the send came before or after it was ready: ambiguous; the next send gets a new thread", async () => {
    const transport = createThreadedMailTransport(smtp.url, { threadEntry: faulty, timeoutSeconds: 1 });
    try {
      // Posted before the thread has said it is ready.
      let handedOver = Date.now();
      const early = await failure(transport.send(mail("Avant [hang]")));
      expect(Date.now() - handedOver).toBeGreaterThanOrEqual(5900);
      expect(early.message).toMatch(/the SMTP thread stopped \(exit code 1\) before its answer came back/);
      expect(classifyDeliveryError(early).kind).toBe("ambiguous");
      // The server had the message: the thread stopped after it, not before.
      expect(smtp.received.map((received) => received.subject)).toEqual(["Avant [hang]"]);

      await expect(transport.send(mail("Entre deux"))).resolves.toEqual({ response: expect.stringMatching(/^250/) });
      handedOver = Date.now();
      const late = await failure(transport.send(mail("Après [hang]")));
      expect(Date.now() - handedOver).toBeGreaterThanOrEqual(5900);
      expect(classifyDeliveryError(late).kind).toBe("ambiguous");
      await expect(transport.send(mail("Enfin"))).resolves.toEqual({ response: expect.stringMatching(/^250/) });
      expect(smtp.received.map((received) => received.subject)).toEqual(["Avant [hang]", "Entre deux", "Après [hang]", "Enfin"]);
    } finally {
      transport.close();
    }
  }, 40_000);

  it("a message the thread never took is retried, not held as ambiguous; an answer handed back just before the thread dies counts", async () => {
    const transport = createThreadedMailTransport(smtp.url, { threadEntry: faulty, timeoutSeconds: 1 });
    try {
      await transport.ready;
      // The thread blocks as the message arrives: it cannot have reached the server.
      const blocked = await failure(transport.send(mail("Bloqué [hang-before]")));
      expect(blocked).toMatchObject({ code: "ETHREAD", dataSent: false });
      expect(classifyDeliveryError(blocked).kind).toBe("retry");
      expect(smtp.received).toHaveLength(0);

      // The thread hands the server's answer back, then exits: the e-mail counts as sent.
      await expect(transport.send(mail("Livré [exit-after]"))).resolves.toEqual({ response: expect.stringMatching(/^250/) });
      // A message posted just then may reach the thread as it exits: if it was not taken, it is retried, never held
      // as ambiguous; the one after goes through a new thread.
      const next = await transport.send(mail("Ensuite")).then(
        () => "sent",
        (error: unknown) => classifyDeliveryError(error).kind,
      );
      expect(["sent", "retry"]).toContain(next);
      await expect(transport.send(mail("Enfin"))).resolves.toEqual({ response: expect.stringMatching(/^250/) });
      expect(smtp.received.map((received) => received.subject)).toEqual(["Livré [exit-after]", ...(next === "sent" ? ["Ensuite"] : []), "Enfin"]);
    } finally {
      transport.close();
    }
  }, 40_000);

  it("a thread that never gets ready is given up: the worker stops at start-up, and its sends count as never sent", async () => {
    const neverReady = new URL("../fixtures/never-ready-smtp-thread.mjs", import.meta.url);
    const transport = createThreadedMailTransport(smtp.url, { threadEntry: neverReady, startTimeoutMs: 3000 });
    const sending = failure(transport.send(mail("Jamais parti")));
    await expect(transport.ready).rejects.toThrow(/could not start/);
    const error = await sending;
    expect(error).toMatchObject({ code: "ETHREAD", dataSent: false });
    expect(classifyDeliveryError(error).kind).toBe("retry");
    transport.close();
  });

  it("closing lets the sends under way finish; a send after it starts a new thread", async () => {
    const slow = await startSmtpSink({ delayMs: 300 });
    const transport = createThreadedMailTransport(slow.url);
    try {
      await transport.ready;
      const underWay = transport.send(mail("En cours"));
      await new Promise((resolve) => setTimeout(resolve, 100));
      transport.close();
      await expect(underWay).resolves.toEqual({ response: expect.stringMatching(/^250/) });
      await expect(transport.send(mail("Après la fermeture"))).resolves.toEqual({ response: expect.stringMatching(/^250/) });
      expect(slow.received.map((received) => received.subject)).toEqual(["En cours", "Après la fermeture"]);
    } finally {
      transport.close();
      await slow.close();
    }
  });

  it("a message that cannot be handed to the thread fails alone: the sends after it are not cut off", async () => {
    const slow = await startSmtpSink({ delayMs: 1500 });
    const transport = createThreadedMailTransport(slow.url, { timeoutSeconds: 2 });
    try {
      await transport.ready;
      const unclonable = { ...mail("Impossible"), headers: { "X-Debrief": (() => "x") as unknown as string } };
      const failedAt = Date.now();
      await expect(transport.send(unclonable)).rejects.toThrow(/could not be cloned/);
      // Two senders, half a send apart, keep a message out with the server until well past the moment a deadline set
      // for the failed message would stop the thread (2 + 5 s after it): each is answered.
      const keepSending = async (name: string) => {
        const answers: unknown[] = [];
        while (Date.now() - failedAt < 9500) answers.push(await transport.send(mail(name)));
        return answers;
      };
      const first = keepSending("Pendant A");
      await new Promise((resolve) => setTimeout(resolve, 750));
      const second = keepSending("Pendant B");
      const answers = [...(await first), ...(await second)];
      expect(answers.length).toBeGreaterThanOrEqual(6);
      for (const answer of answers) expect(answer).toEqual({ response: expect.stringMatching(/^250/) });
    } finally {
      transport.close();
      await slow.close();
    }
  }, 40_000);
});
