import { beforeEach, describe, expect, it } from "vitest";
import { POST as recapRequestRoute } from "@/app/api/events/[slug]/recap-requests/route";
import { createDatabase } from "@/lib/db/client";
import { getPublishedEvent } from "@/lib/events/get-event";
import { createMailTransport } from "@/lib/notifications/mailer";
import { composeEmails } from "@/lib/notifications/compose-emails";
import { listMailbox } from "@/lib/notifications/list-mailbox";
import { readMailboxEmail } from "@/lib/notifications/read-mailbox-email";
import { applyRetention } from "@/lib/retention/apply-retention";
import { claimDueEmails, newLeaseOwner, OUTBOX_POLICY, processOutboxOnce } from "@/lib/notifications/outbox-worker";
import { saveEvent } from "@/lib/events/save-event";
import { RECAP_REQUEST_LIMITS } from "@/lib/recaps/recap-request-limits";
import { confirmRecapRequest } from "@/lib/recaps/confirm-recap-request";
import { eraseRecapRequest } from "@/lib/recaps/erase-recap-request";
import { confirmationToken, manageToken } from "@/lib/recaps/recap-request-links";
import { type RequestRecapOptions, requestRecap } from "@/lib/recaps/request-recap";
import { withdrawRecapRequest } from "@/lib/recaps/withdraw-recap-request";
import { rejection } from "../rejection";
import { createEvent, createHost, eventFormFor, letRateLimitsExpire } from "../factories";
import { smtpForTests } from "../setup/smtp-for-tests";
import { startSmtpSink } from "../smtp-sink";

const db = createDatabase();
const { smtp, transport } = await smtpForTests();
let slug: string;
let ipCounter = 0;
const newIp = () => `192.0.2.${++ipCounter}`;
const from = "Debrief <debrief@example.org>";

beforeEach(async () => {
  slug = (await createEvent(db, { title: "Atelier « vie privée »" })).slug;
  smtp.received.length = 0;
});

const send = (now?: Date) => processOutboxOnce({ db, transport, from, now: now ? () => now : undefined });
const mailsTo = (address: string) => smtp.received.filter((mail) => mail.to.includes(address));
const confirmToken = (text: string) => /\/recap-requests\/confirm\?token=([\w.-]+)/.exec(text)?.[1];
/** A reader asks for the recap of this test's event (unless told another), each time from a new IP address. */
const askForRecap = (
  input: { email: string; name?: string; locale?: string },
  options: Partial<Pick<RequestRecapOptions, "eventSlug" | "now" | "form">> = {},
) => requestRecap({ db, eventSlug: slug, input, client: { ip: newIp() }, fallbackLocale: "fr", ...options });

describe("asking again", () => {
  it("replaces a confirmation not yet sent with a new one, touching nobody else's; a confirmed person is sent nothing new", async () => {
    await askForRecap({ email: "quelqu-un-d-autre@example.org" });
    await askForRecap({ email: "deux-fois@example.org" });
    await letRateLimitsExpire(db);
    await askForRecap({ email: "deux-fois@example.org" });
    const rows = await db.outboundEmail.findMany({ where: { toAddress: "deux-fois@example.org" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(rows.map((row) => [row.status, row.lastError])).toEqual([
      ["CANCELLED", "replaced by a newer confirmation"],
      ["PENDING", null],
    ]);
    expect((await db.outboundEmail.findFirstOrThrow({ where: { toAddress: "quelqu-un-d-autre@example.org" } })).status).toBe("PENDING");
    await send();
    expect(mailsTo("deux-fois@example.org")).toHaveLength(1);
    expect(mailsTo("quelqu-un-d-autre@example.org")).toHaveLength(1);

    await confirmRecapRequest({ db, token: confirmToken(mailsTo("deux-fois@example.org")[0].text)! });
    await letRateLimitsExpire(db);
    await askForRecap({ email: "deux-fois@example.org" });
    expect(await db.outboundEmail.count({ where: { toAddress: "deux-fois@example.org" } })).toBe(2);
    expect((await db.recapRequest.findFirstOrThrow({ where: { email: "deux-fois@example.org" } })).status).toBe("CONFIRMED");
  });
});

describe("requesting the recap (double opt-in)", () => {
  it("sends a confirmation e-mail whose link confirms the request", async () => {
    await askForRecap({ email: "Absente@Example.org", name: "Inès" });
    expect(mailsTo("absente@example.org")).toHaveLength(0); // nothing leaves until the worker runs
    await send();
    const [mail] = mailsTo("absente@example.org");
    expect(mail.subject).toBe("Confirmez votre demande de compte rendu : Atelier « vie privée »");
    expect(mail.text).toContain("Bonjour Inès,");
    expect(mail.raw).toContain("Content-Type: text/html");
    const token = confirmToken(mail.text);
    expect(token).toBeTruthy();

    expect((await getPublishedEvent({ db, slug }))?.recapStatus.waiting).toBe(0);
    const confirmed = await confirmRecapRequest({ db, token: token! });
    expect(confirmed.event.slug).toBe(slug);
    const request = await db.recapRequest.findFirstOrThrow({ where: { email: "absente@example.org" } });
    expect(request.status).toBe("CONFIRMED");
    expect(request.consentWordingVersion).toBeTruthy();
    expect(request.consentIpHash).toMatch(/^[0-9a-f]{32}$/);
    expect((await getPublishedEvent({ db, slug }))?.recapStatus.waiting).toBe(1);
    // Clicking the link again changes nothing.
    await confirmRecapRequest({ db, token: token! });
    expect((await getPublishedEvent({ db, slug }))?.recapStatus.waiting).toBe(1);
  });

  it("writes the e-mail in the requester's language", async () => {
    await askForRecap({ email: "absent@example.net", locale: "en" });
    await send();
    const [mail] = mailsTo("absent@example.net");
    expect(mail.subject).toBe("Confirm your recap request: Atelier « vie privée »");
    expect(mail.text).toContain("This link is valid for 7 days.");
  });

  it("leaves an unconfirmed request unconfirmed, and refuses an expired or unknown link", async () => {
    const now = new Date();
    await askForRecap({ email: "lent@example.org" }, { now });
    await send();
    const token = confirmToken(mailsTo("lent@example.org")[0].text)!;
    expect((await db.recapRequest.findFirstOrThrow({ where: { email: "lent@example.org" } })).status).toBe("UNCONFIRMED");
    const expired = await rejection(confirmRecapRequest({ db, token, now: new Date(now.getTime() + 8 * 86_400_000) }));
    expect(expired.messageKey).toBe("confirmationLinkExpired");
    const unknown = await rejection(confirmRecapRequest({ db, token: "not-a-token" }));
    expect(unknown.code).toBe("NOT_FOUND");
    expect((await db.recapRequest.findFirstOrThrow({ where: { email: "lent@example.org" } })).status).toBe("UNCONFIRMED");
  });

  it("sends at most one confirmation per address and event per day, and none once confirmed", async () => {
    const start = new Date("2026-06-01T08:00:00Z");
    for (const hours of [0, 1, 5]) {
      await askForRecap({ email: "insiste@example.org" }, { now: new Date(start.getTime() + hours * 3600_000) });
    }
    expect(await db.outboundEmail.count({ where: { toAddress: "insiste@example.org" } })).toBe(1);
    await send(new Date(start.getTime() + 5 * 3600_000));
    // The next day, a new link replaces the old one.
    await letRateLimitsExpire(db);
    await askForRecap({ email: "insiste@example.org" }, { now: new Date(start.getTime() + 25 * 3600_000) });
    expect(await db.outboundEmail.count({ where: { toAddress: "insiste@example.org" } })).toBe(2);
    await send(new Date(start.getTime() + 25 * 3600_000));
    const mails = mailsTo("insiste@example.org");
    expect(mails).toHaveLength(2);
    const [oldToken, newToken] = mails.map((mail) => confirmToken(mail.text)!);
    expect(oldToken).not.toBe(newToken);
    expect((await rejection(confirmRecapRequest({ db, token: oldToken, now: new Date(start.getTime() + 26 * 3600_000) }))).messageKey).toBe(
      "confirmationLinkInvalid",
    );
    await confirmRecapRequest({ db, token: newToken, now: new Date(start.getTime() + 26 * 3600_000) });
    await askForRecap({ email: "insiste@example.org" }, { now: new Date(start.getTime() + 60 * 3600_000) });
    expect(await db.outboundEmail.count({ where: { toAddress: "insiste@example.org" } })).toBe(2);
  });

  it("does not send a confirmation whose link expired before the worker got to it", async () => {
    // Only this test's two e-mails in the outbox: the first pass takes exactly one of them.
    await db.outboundEmail.deleteMany();
    const start = new Date("2026-06-01T08:00:00Z");
    const validity = RECAP_REQUEST_LIMITS.tokenValidityDays * 86_400_000;
    await askForRecap({ email: "tardive@example.org" }, { now: start });
    await askForRecap({ email: "juste@example.org" }, { now: start });
    // The worker was down a week: one e-mail goes out in the link's last millisecond, the other a millisecond later.
    await processOutboxOnce({ db, transport, from, now: () => new Date(start.getTime() + validity - 1), batchSize: 1 });
    await send(new Date(start.getTime() + validity));
    const sent = smtp.received.flatMap((mail) => mail.to);
    expect(sent).toHaveLength(1);
    const late = sent[0].includes("tardive") ? "juste@example.org" : "tardive@example.org";
    expect(await db.outboundEmail.findFirstOrThrow({ where: { toAddress: late } })).toMatchObject({ status: "CANCELLED", sentAt: null });
  });

  it("does not send a confirmation the worker had already taken when it stopped applying", async () => {
    // The worker claims the e-mail, then — before it writes it — the person withdraws, confirms through an earlier
    // link, the event is taken off the site, or a newer confirmation replaces this one.
    const host = await createHost(db);
    const claimAfter = async (email: string, change: (request: { id: string }) => Promise<unknown>) => {
      // The worker's batch is this one e-mail (what other tests queued is not this test's).
      await db.outboundEmail.deleteMany();
      await askForRecap({ email });
      const request = await db.recapRequest.findFirstOrThrow({
        where: { email },
        select: { id: true, lastConfirmationSentAt: true, confirmTokenExpiresAt: true },
      });
      const batch = await claimDueEmails(db, newLeaseOwner("test"), new Date());
      expect(batch.map((row) => row.toAddress)).toEqual([email]);
      await change(request);
      return (await composeEmails(db, batch, new Date())).get(batch[0].id);
    };
    expect(await claimAfter("retire@example.org", (request) => withdrawRecapRequest({ db, token: manageToken(request.id) }))).toEqual({
      cancel: "request withdrawn",
    });
    const confirmedMeanwhile = await claimAfter("deja@example.org", (request) =>
      confirmRecapRequest({ db, token: confirmationToken(request as Parameters<typeof confirmationToken>[0]) }),
    );
    expect(confirmedMeanwhile).toEqual({ cancel: "request confirmed" });
    expect(
      await claimAfter("horsligne@example.org", async () =>
        saveEvent({
          db,
          actor: host,
          existingSlug: slug,
          input: await eventFormFor(db, (await db.event.findUniqueOrThrow({ where: { slug } })).id, { status: "DRAFT" }),
        }),
      ),
    ).toEqual({ cancel: "event unpublished" });
    // The e-mails this test left claimed by a worker that will never send them.
    await db.outboundEmail.deleteMany();
  });

  it("sends only the newest confirmation when a newer one replaced it after the worker took it", async () => {
    await db.outboundEmail.deleteMany();
    const start = new Date("2026-06-01T08:00:00Z");
    await askForRecap({ email: "double@example.org" }, { now: start });
    const older = await claimDueEmails(db, newLeaseOwner("test"), start);
    await letRateLimitsExpire(db);
    await askForRecap({ email: "double@example.org" }, { now: new Date(start.getTime() + 25 * 3600_000) });
    expect(await composeEmails(db, older, new Date(start.getTime() + 25 * 3600_000))).toEqual(
      new Map([[older[0].id, { cancel: "replaced by a newer confirmation" }]]),
    );
    await send(new Date(start.getTime() + 25 * 3600_000));
    const [mail] = mailsTo("double@example.org");
    await confirmRecapRequest({ db, token: confirmToken(mail.text)!, now: new Date(start.getTime() + 26 * 3600_000) });
    expect((await db.recapRequest.findFirstOrThrow({ where: { email: "double@example.org" } })).status).toBe("CONFIRMED");
  });

  it("answers a link to a request erased since, or a forged one, with not-found; withdrawing or erasing twice is harmless", async () => {
    await askForRecap({ email: "partie@example.org" });
    await send();
    const confirmLink = confirmToken(mailsTo("partie@example.org")[0].text)!;
    const request = await db.recapRequest.findFirstOrThrow({ where: { email: "partie@example.org" } });
    const token = manageToken(request.id);
    const withdrawnAt = new Date();
    await withdrawRecapRequest({ db, token, now: withdrawnAt });
    await withdrawRecapRequest({ db, token, now: new Date(withdrawnAt.getTime() + 86_400_000) });
    // The second time changes nothing: the request keeps the day it was withdrawn.
    expect(await db.recapRequest.findUniqueOrThrow({ where: { id: request.id }, select: { status: true, withdrawnAt: true } })).toEqual({
      status: "WITHDRAWN",
      withdrawnAt,
    });
    // The confirmation link received before withdrawing no longer confirms anything.
    const afterWithdrawal = await rejection(confirmRecapRequest({ db, token: confirmLink }));
    expect([afterWithdrawal.code, afterWithdrawal.messageKey]).toEqual(["NOT_FOUND", "confirmationLinkInvalid"]);
    expect((await db.recapRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("WITHDRAWN");
    await eraseRecapRequest({ db, token });
    await eraseRecapRequest({ db, token });
    expect(await db.recapRequest.count({ where: { email: "partie@example.org" } })).toBe(0);
    expect(await db.outboundEmail.count({ where: { toAddress: "partie@example.org" } })).toBe(0);
    // The page behind the link then says the link no longer works.
    const refusal = async (work: Promise<unknown>) => {
      const error = await rejection(work);
      return [error.code, error.messageKey];
    };
    expect(await refusal(withdrawRecapRequest({ db, token }))).toEqual(["NOT_FOUND", "manageLinkInvalid"]);
    expect((await rejection(confirmRecapRequest({ db, token: confirmLink }))).code).toBe("NOT_FOUND");
    for (const forged of ["not-a-token", `${token}x`, null]) {
      expect(await refusal(withdrawRecapRequest({ db, token: forged }))).toEqual(["NOT_FOUND", "manageLinkInvalid"]);
      expect(await refusal(eraseRecapRequest({ db, token: forged }))).toEqual(["NOT_FOUND", "manageLinkInvalid"]);
    }
  });

  it("lets a bot that fills the honeypot believe it succeeded, writing nothing", async () => {
    const before = await db.recapRequest.count();
    await askForRecap({ email: "victime@example.org" }, { form: { honeypot: "ACME" } });
    expect(await db.recapRequest.count()).toBe(before);
    expect(await db.outboundEmail.count({ where: { toAddress: "victime@example.org" } })).toBe(0);
  });

  it("limits requests per address per day and per IP per hour; refused attempts write nothing", async () => {
    const ip = newIp();
    const now = new Date("2026-06-10T08:00:00Z");
    const events = await Promise.all(Array.from({ length: 7 }, () => createEvent(db)));
    for (const event of events) {
      await askForRecap({ email: "cible@example.org" }, { eventSlug: event.slug, now });
    }
    // A bot cannot make the site mail one stranger more than five times a day.
    expect(await db.outboundEmail.count({ where: { toAddress: "cible@example.org" } })).toBe(5);

    for (let index = 0; index < 10; index++) {
      await requestRecap({ db, eventSlug: slug, input: { email: `robot${index}@example.org` }, client: { ip }, fallbackLocale: "fr", now });
    }
    const before = await db.outboundEmail.count();
    const limited = await rejection(requestRecap({ db, eventSlug: slug, input: { email: "robot10@example.org" }, client: { ip }, fallbackLocale: "fr", now }));
    // Told to come back later, and when.
    expect([limited.code, limited.messageKey]).toEqual(["RATE_LIMITED", "tooManyRecapRequests"]);
    expect(limited.retryAfterSeconds).toBeGreaterThan(0);
    expect(await db.outboundEmail.count()).toBe(before);
    expect(await db.recapRequest.count({ where: { email: "robot10@example.org" } })).toBe(0);
  });

  it("refuses invalid input and unknown events with field errors, writing nothing", async () => {
    const invalid = await rejection(askForRecap({ email: "pas-une-adresse" }));
    expect(invalid.fieldErrors).toEqual({ email: ["emailInvalid"] });
    const unknown = await rejection(askForRecap({ email: "a@example.org" }, { eventSlug: "nope" }));
    expect(unknown.code).toBe("NOT_FOUND");
    expect(await db.recapRequest.count({ where: { email: "a@example.org" } })).toBe(0);
  });
});

describe("POST /api/events/{slug}/recap-requests", () => {
  const post = (eventSlug: string, body: unknown) =>
    recapRequestRoute(
      new Request(`http://localhost/api/events/${eventSlug}/recap-requests`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": newIp(), "accept-language": "en" },
        body: JSON.stringify(body),
      }),
      { params: Promise.resolve({ slug: eventSlug }) },
    );

  it("answers 202 with the same body whether or not the address is already known", async () => {
    const first = await post(slug, { email: "connu@example.org" });
    const again = await post(slug, { email: "connu@example.org" });
    const fresh = await post(slug, { email: "nouveau@example.org" });
    expect([first.status, again.status, fresh.status]).toEqual([202, 202, 202]);
    const bodies = await Promise.all([first.json(), again.json(), fresh.json()]);
    expect(bodies[0]).toEqual(bodies[1]);
    expect(bodies[1]).toEqual(bodies[2]);
    expect(bodies[0].message).toContain("confirmation e-mail");
    expect(await db.outboundEmail.count({ where: { toAddress: "connu@example.org" } })).toBe(1);
  });

  it("answers 400 with localised field errors and 404 for unknown events", async () => {
    const invalid = await post(slug, { email: "x" });
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error.fieldErrors.email[0].message).toBe("This e-mail address is not valid.");
    expect((await post("nope", { email: "a@example.org" })).status).toBe(404);
  });
});

describe("outbox delivery", () => {
  // Each case watches its own message: earlier cases' unsent rows must not take the SMTP refusals.
  beforeEach(async () => {
    await db.outboundEmail.deleteMany();
  });

  it("retries after a temporary SMTP refusal and delivers exactly once", async () => {
    const now = new Date();
    await askForRecap({ email: "patiente@example.org" }, { now });
    smtp.rejectNext(451, "Try again later");
    await send(now);
    const row = await db.outboundEmail.findFirstOrThrow({ where: { toAddress: "patiente@example.org" } });
    expect(row.status).toBe("PENDING");
    expect(row.attempts).toBe(1);
    expect(row.lastError).toContain("451");
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(now.getTime());
    await send(now); // not due yet: nothing happens
    expect(mailsTo("patiente@example.org")).toHaveLength(0);
    await send(new Date(now.getTime() + 3600_000));
    await send(new Date(now.getTime() + 7200_000));
    expect(mailsTo("patiente@example.org")).toHaveLength(1);
    const sent = await db.outboundEmail.findFirstOrThrow({ where: { toAddress: "patiente@example.org" } });
    expect(sent.status).toBe("SENT");
    expect(sent.smtpResponse).toMatch(/^250/);
  });

  it("marks a send whose data went out but was never acknowledged as ambiguous, and never resends it", async () => {
    const silent = await startSmtpSink({ neverAnswerData: true });
    const impatient = createMailTransport(silent.url, { timeoutSeconds: 1 });
    await askForRecap({ email: "incertaine@example.org" });
    await processOutboxOnce({ db, transport: impatient, from });
    const row = await db.outboundEmail.findFirstOrThrow({ where: { toAddress: "incertaine@example.org" } });
    expect(row.status).toBe("AMBIGUOUS");
    expect(row.lastError).toMatch(/ESENDTIMEOUT|ETIMEDOUT/);
    await processOutboxOnce({ db, transport, from, now: () => new Date(Date.now() + 86_400_000) });
    expect(mailsTo("incertaine@example.org")).toHaveLength(0);
    expect((await db.outboundEmail.findFirstOrThrow({ where: { toAddress: "incertaine@example.org" } })).status).toBe("AMBIGUOUS");
    impatient.close();
    void silent.close();
  });

  it("keeps SMTP connections open across messages, with the pool options given in SMTP_URL", async () => {
    const mail = (index: number) => ({ from, to: `lot-${index}@example.org`, subject: `Lot ${index}`, text: "Bonjour", html: "<p>Bonjour</p>", headers: {} });
    for (let index = 0; index < 5; index++) await transport.send(mail(index));
    expect(new Set(smtp.received.map((received) => received.sessionId)).size).toBe(1);

    smtp.received.length = 0;
    const twoAtMost = createMailTransport(`${smtp.url}?maxConnections=2&name=worker-test`);
    await Promise.all(Array.from({ length: 8 }, (_, index) => twoAtMost.send(mail(index))));
    twoAtMost.close();
    expect(smtp.received).toHaveLength(8);
    expect(new Set(smtp.received.map((received) => received.sessionId)).size).toBeLessThanOrEqual(2);
    expect(new Set(smtp.received.map((received) => received.clientName))).toEqual(new Set(["worker-test"]));
  });

  it("marks a permanently refused address as failed without retrying", async () => {
    await askForRecap({ email: "inconnue@example.org" });
    smtp.rejectNext(550, "No such user");
    await send();
    const row = await db.outboundEmail.findFirstOrThrow({ where: { toAddress: "inconnue@example.org" } });
    expect(row.status).toBe("FAILED");
    expect(row.lastError).toContain("550");
  });

  it("gives up after eight temporary refusals, marking the e-mail failed; any 4xx answer is retried, any 5xx final", async () => {
    const start = new Date();
    await askForRecap({ email: "obstinee@example.org" }, { now: start });
    smtp.rejectNext(451, "Try again later", OUTBOX_POLICY.maxAttempts);
    // The worker comes back every two hours (longer than any backoff) for a day: the ninth pass sends nothing.
    for (let pass = 0; pass <= OUTBOX_POLICY.maxAttempts; pass++) await send(new Date(start.getTime() + pass * 2 * 3600_000));
    expect(mailsTo("obstinee@example.org")).toHaveLength(0);
    expect(await db.outboundEmail.findFirstOrThrow({ where: { toAddress: "obstinee@example.org" } })).toMatchObject({
      status: "FAILED",
      attempts: OUTBOX_POLICY.maxAttempts,
    });

    for (const [email, code, status] of [
      ["quatre-cents@example.org", 400, "PENDING"],
      ["cinq-cents@example.org", 500, "FAILED"],
    ] as const) {
      await askForRecap({ email });
      smtp.rejectNext(code, "Refused");
      await send();
      expect(await db.outboundEmail.findFirstOrThrow({ where: { toAddress: email } }), email).toMatchObject({ status, attempts: 1 });
    }
  });

  it("shows hosts each e-mail in the mailbox, newest first, and one as it was sent, would be sent, or was erased", async () => {
    const host = await createHost(db);
    const start = new Date("2026-07-01T08:00:00Z");
    await askForRecap({ email: "premiere@example.org", name: "Inès" }, { now: start });
    await askForRecap({ email: "seconde@example.org" }, { now: new Date(start.getTime() + 60_000) });
    const [newest, older] = await listMailbox({ db, actor: host, take: 2 });
    expect([newest, older].map(({ toAddress, status, kind }) => ({ toAddress, status, kind }))).toEqual([
      { toAddress: "seconde@example.org", status: "PENDING", kind: "recap-request-confirmation" },
      { toAddress: "premiere@example.org", status: "PENDING", kind: "recap-request-confirmation" },
    ]);
    expect(older.subject).toBe("Confirmez votre demande de compte rendu : Atelier « vie privée »");

    // Not sent yet: the e-mail as it would go now, its link redacted.
    const waiting = await readMailboxEmail({ db, actor: host, id: older.id, now: start });
    expect(waiting).toMatchObject({ toAddress: "premiere@example.org", status: "PENDING", sentAt: null, attempts: 0, bodyErased: false });
    expect(waiting!.textBody).toContain("Bonjour Inès,");
    expect(waiting!.textBody).toContain("/recap-requests/confirm?token=[…]");

    // A confirmation whose request was withdrawn before it went says why it will not be sent.
    const other = await db.recapRequest.findFirstOrThrow({ where: { email: "seconde@example.org" } });
    await withdrawRecapRequest({ db, token: manageToken(other.id), now: start });
    expect(await readMailboxEmail({ db, actor: host, id: newest.id })).toMatchObject({
      status: "CANCELLED",
      wouldCancel: "request withdrawn",
      bodyErased: false,
    });

    smtp.rejectNext(451, "Try again later");
    await processOutboxOnce({ db, transport, from, now: () => new Date(start.getTime() + 120_000) });
    await send(new Date(start.getTime() + 3 * 3600_000));
    const sent = await readMailboxEmail({ db, actor: host, id: older.id });
    expect(sent).toMatchObject({ status: "SENT", attempts: 2, bodyErased: false, locale: "fr", subject: older.subject });
    expect(sent!.sentAt).toEqual(expect.any(Date));
    expect(sent!.smtpResponse).toMatch(/^250/);
    expect(sent!.lastError).toBeNull();
    expect(sent!.htmlBody).toContain("Inès");

    // Bodies erased by retention (two days after sending, here) are shown as erased, the rest kept.
    await confirmRecapRequest({ db, token: confirmToken(mailsTo("premiere@example.org")[0].text)!, now: new Date(start.getTime() + 4 * 3600_000) });
    await applyRetention({ db, now: new Date(start.getTime() + 3 * 86_400_000), windows: { loginAttemptsDays: 2, emailBodiesDays: 2, clientDataDays: 2 } });
    expect(await readMailboxEmail({ db, actor: host, id: older.id })).toMatchObject({
      status: "SENT",
      smtpResponse: sent!.smtpResponse,
      textBody: null,
      htmlBody: null,
      bodyErased: true,
    });
    expect(await readMailboxEmail({ db, actor: host, id: "unknown" })).toBeNull();
  });

  it("stores e-mails as sent for the dev mailbox when no SMTP server is configured", async () => {
    await askForRecap({ email: "local@example.org" });
    await processOutboxOnce({ db, transport: createMailTransport(undefined), from });
    const row = await db.outboundEmail.findFirstOrThrow({ where: { toAddress: "local@example.org" } });
    expect(row.status).toBe("SENT");
    expect(row.smtpResponse).toContain("no SMTP_URL");
    expect(row.textBody).toContain("/recap-requests/confirm?token=");
  });
});
