// The recap loop after publication: late requesters get the recap with no host action, once; counts mean
// what they say; unpublishing and republishing never mail anyone twice; hosts' public status of the recap.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { createDatabase } from "@/lib/db/client";
import { moderateComments } from "@/lib/comments/moderate-comments";
import { postComment } from "@/lib/comments/post-comment";
import { getPublishedEvent } from "@/lib/events/get-event";
import { saveEvent } from "@/lib/events/save-event";
import { listDashboardEvents } from "@/lib/events/list-dashboard-events";
import { runDueJobs } from "@/lib/jobs/run-worker";
import { confirmRecapRequest } from "@/lib/recaps/confirm-recap-request";
import { findRecapRequestForManaging } from "@/lib/recaps/find-recap-request-for-managing";
import { getRecapForEditing } from "@/lib/recaps/get-recap-for-editing";
import { publishRecap } from "@/lib/recaps/publish-recap";
import { confirmationToken, manageToken } from "@/lib/recaps/recap-request-links";
import { requestRecap } from "@/lib/recaps/request-recap";
import { saveRecap } from "@/lib/recaps/save-recap";
import { setRecapOutlook } from "@/lib/recaps/set-recap-outlook";
import { unpublishRecap } from "@/lib/recaps/unpublish-recap";
import { withdrawRecapRequest } from "@/lib/recaps/withdraw-recap-request";
import { deliverAll } from "../deliver-all";
import { createComment, createEvent, createHost, createRecapRequest, eventFormFor, trustedBrowser } from "../factories";
import { rejection } from "../rejection";
import { smtpForTests } from "../setup/smtp-for-tests";

const db = createDatabase();
const { smtp, transport } = await smtpForTests({ emptiedBeforeEach: true });
let host: Actor;
let ipCounter = 0;
const newIp = () => `198.51.100.${++ipCounter}`;

beforeAll(async () => {
  host = await createHost(db);
});

const deliver = () => deliverAll({ db, transport });
const recapMailsTo = (address: string) =>
  smtp.received.filter((mail) => mail.to.includes(address) && /compte rendu est en ligne|recap is online/.test(mail.subject));
const recap = { body: "## Ce qui s'est dit\n\nTrois idées à retenir.", links: [] };

async function publishedEvent(title = "Webreakfast") {
  const event = await createEvent(db, { title });
  await saveRecap({ db, actor: host, eventSlug: event.slug, input: recap });
  await publishRecap({ db, actor: host, eventSlug: event.slug });
  await deliver();
  return event;
}

/** A reader asks on the page and confirms from the e-mail they received, as a person would. */
async function askAndConfirm(eventSlug: string, email: string, now?: Date) {
  await requestRecap({ db, eventSlug, input: { email }, client: { ip: newIp() }, fallbackLocale: "fr", now });
  await deliver();
  const mail = smtp.received.filter((received) => received.to.includes(email)).at(-1)!;
  const token = /\/recap-requests\/confirm\?token=([\w.-]+)/.exec(mail.text)![1];
  return confirmRecapRequest({ db, token, now });
}

describe("a request confirmed after publication", () => {
  it("receives the recap exactly once, with no host action, and the counts follow", async () => {
    const event = await publishedEvent();
    expect((await getPublishedEvent({ db, slug: event.slug }))!.recapStatus).toMatchObject({ status: "PUBLISHED", waiting: 0, sent: 0 });

    const confirmed = await askAndConfirm(event.slug, "tardif@example.org");
    expect(confirmed.recapQueued).toBe(true);
    // Confirmed, not sent yet: waiting.
    expect((await getPublishedEvent({ db, slug: event.slug }))!.recapStatus).toMatchObject({ waiting: 1, sent: 0 });
    await deliver();
    const [mail] = recapMailsTo("tardif@example.org");
    expect(mail.subject).toBe("Le compte rendu est en ligne : Webreakfast");
    expect(mail.text).toContain(`/events/${event.slug}#recap`);
    expect(recapMailsTo("tardif@example.org")).toHaveLength(1);
    // Why they get it and how to stop, at the foot of the message: the address manages this person's request, and
    // in the HTML it is a link to click, not text to copy.
    const asker = await db.recapRequest.findFirstOrThrow({ where: { email: "tardif@example.org" } });
    const manageUrl = /https?:\/\/[^\s/]+\/recap-requests\/manage\?token=[\w.-]+/.exec(mail.text)![0];
    expect(new URL(manageUrl).searchParams.get("token")).toBe(manageToken(asker.id));
    expect(mail.text).toContain(`Debrief vous écrit parce que vous avez demandé ce compte rendu. Gérer ou supprimer votre demande : ${manageUrl}`);
    expect(mail.text).toContain(`Gérer ou supprimer votre demande : <a href="${manageUrl}"`);
    expect(mail.text).toContain(`>${manageUrl}</a></p></div></body></html>`);

    // Once sent: not waiting any more, counted as sent — on the page, in the editor and on the dashboard.
    expect((await getPublishedEvent({ db, slug: event.slug }))!.recapStatus).toMatchObject({ waiting: 0, sent: 1 });
    expect((await getRecapForEditing({ db, actor: host, eventSlug: event.slug })).counts).toMatchObject({ waiting: 0, sent: 1, withdrawn: 0 });
    const row = (await listDashboardEvents({ db, actor: host })).find((listed) => listed.slug === event.slug)!;
    expect(row).toMatchObject({ waiting: 0, sent: 1, withdrawn: 0 });

    // The manage page says when it went.
    const request = await db.recapRequest.findFirstOrThrow({ where: { email: "tardif@example.org" } });
    expect((await findRecapRequestForManaging({ db, token: manageToken(request.id) }))!.recapSentAt).toEqual(request.recapSentAt);
    expect(request.recapSentAt).not.toBeNull();

    // A later publication (after an edit) sends it to nobody twice.
    await saveRecap({ db, actor: host, eventSlug: event.slug, input: { ...recap, body: `${recap.body}\n\nMise à jour.` } });
    expect((await publishRecap({ db, actor: host, eventSlug: event.slug })).notified).toBe(0);
    await deliver();
    expect(recapMailsTo("tardif@example.org")).toHaveLength(1);
  });

  it("queues the recap in the same e-mail key a publication uses, so a publication racing the confirmation sends once", async () => {
    const event = await createEvent(db, { title: "Course" });
    await saveRecap({ db, actor: host, eventSlug: event.slug, input: recap });
    await requestRecap({ db, eventSlug: event.slug, input: { email: "course@example.org" }, client: { ip: newIp() }, fallbackLocale: "fr" });
    const request = await db.recapRequest.findFirstOrThrow({ where: { email: "course@example.org" } });
    await publishRecap({ db, actor: host, eventSlug: event.slug });
    // Confirmed after publishing but before the fan-out job ran: the job then finds the row already there.
    await confirmRecapRequest({ db, token: confirmationToken(request) });
    await deliver();
    expect(recapMailsTo("course@example.org")).toHaveLength(1);
    expect(await db.outboundEmail.count({ where: { recapRequestId: request.id, kind: "recap-published" } })).toBe(1);
  });

  it("confirmed twice, or from two tabs at once, sends one e-mail", async () => {
    const event = await publishedEvent("Deux onglets");
    await requestRecap({ db, eventSlug: event.slug, input: { email: "onglets@example.org" }, client: { ip: newIp() }, fallbackLocale: "fr" });
    const request = await db.recapRequest.findFirstOrThrow({ where: { email: "onglets@example.org" } });
    const token = confirmationToken(request);
    const results = await Promise.all([confirmRecapRequest({ db, token }), confirmRecapRequest({ db, token }), confirmRecapRequest({ db, token })]);
    expect(results.filter((result) => result.recapQueued)).toHaveLength(1);
    await confirmRecapRequest({ db, token });
    await deliver();
    expect(recapMailsTo("onglets@example.org")).toHaveLength(1);
  });

  it("asked with a comment's 'notify me' after publication: answered on the spot, and the recap sent once confirmed", async () => {
    const event = await publishedEvent("Commentaire tardif");
    const posted = await postComment({
      db,
      eventSlug: event.slug,
      input: { authorName: "Martin", authorEmail: "martin.tard@example.org", body: "Y a-t-il eu un compte rendu ?", notifyWhenRecapPublished: true },
      client: { ip: newIp() },
      locale: "fr",
    });
    expect(posted).toMatchObject({ asksForRecap: true, recapPublished: true, recapRequest: "requested" });
    await deliver();
    const confirmation = smtp.received.find((mail) => mail.to.includes("martin.tard@example.org"))!;
    await confirmRecapRequest({ db, token: /token=([\w.-]+)/.exec(confirmation.text)![1] });
    await deliver();
    expect(recapMailsTo("martin.tard@example.org")).toHaveLength(1);
  });
});

describe("unpublishing and publishing again", () => {
  it("taking the event itself off the site cancels recap mail not yet sent, and the audit log says how many", async () => {
    const event = await createEvent(db, { title: "Retirée du site" });
    const waiting = await createRecapRequest(db, event.id, { email: "attend@example.org" });
    await saveRecap({ db, actor: host, eventSlug: event.slug, input: recap });
    await publishRecap({ db, actor: host, eventSlug: event.slug });
    await runDueJobs({ db, owner: "test-jobs" });
    expect(await db.outboundEmail.findFirstOrThrow({ where: { recapRequestId: waiting.id } })).toMatchObject({ status: "PENDING" });

    const draft = await eventFormFor(db, event.id, { status: "DRAFT" });
    await saveEvent({ db, actor: host, existingSlug: event.slug, input: draft });
    expect(await db.outboundEmail.findFirstOrThrow({ where: { recapRequestId: waiting.id } })).toMatchObject({ status: "CANCELLED" });
    await deliver();
    expect(recapMailsTo(waiting.email)).toHaveLength(0);
    const audit = await db.auditLog.findFirstOrThrow({ where: { targetId: event.id }, orderBy: { createdAt: "desc" } });
    expect(audit.action).toBe("event.unpublish");
    expect(JSON.parse(audit.details)).toMatchObject({ status: "DRAFT", cancelledEmails: 1 });
  });

  it("cancels mail not yet sent; late confirmations queue nothing meanwhile; republishing sends only to people never sent", async () => {
    const event = await createEvent(db, { title: "Retiré" });
    const sent = await createRecapRequest(db, event.id, { email: "deja@example.org" });
    await saveRecap({ db, actor: host, eventSlug: event.slug, input: recap });
    await publishRecap({ db, actor: host, eventSlug: event.slug });
    await deliver();
    expect(recapMailsTo(sent.email)).toHaveLength(1);

    const queued = await createRecapRequest(db, event.id, { email: "en-file@example.org" });
    await publishRecap({ db, actor: host, eventSlug: event.slug });
    // The fan-out runs, the e-mail is queued but not sent yet.
    await runDueJobs({ db, owner: "test-jobs" });
    expect(await db.outboundEmail.findFirstOrThrow({ where: { recapRequestId: queued.id } })).toMatchObject({ status: "PENDING" });

    expect(await unpublishRecap({ db, actor: host, eventSlug: event.slug })).toMatchObject({ cancelled: 1 });
    const sentBefore = smtp.received.length;
    expect((await getPublishedEvent({ db, slug: event.slug }))!.recap).toBeNull();
    // A confirmation while the recap is off the page queues nothing.
    const late = await askAndConfirm(event.slug, "pendant@example.org");
    expect(late.recapQueued).toBe(false);
    await deliver();
    expect(smtp.received.slice(sentBefore).filter((mail) => /compte rendu est en ligne/.test(mail.subject))).toHaveLength(0);

    // Back on the page: the two never sent get it, the one already sent does not get it again.
    await publishRecap({ db, actor: host, eventSlug: event.slug });
    await deliver();
    expect(recapMailsTo("deja@example.org")).toHaveLength(1);
    expect(recapMailsTo("en-file@example.org")).toHaveLength(1);
    expect(recapMailsTo("pendant@example.org")).toHaveLength(1);
  });
});

describe("unpublishing what is not published", () => {
  it("refuses a draft recap or none, changing nothing and cancelling no e-mail", async () => {
    const event = await createEvent(db, { title: "Brouillon de compte rendu" });
    expect(await rejection(unpublishRecap({ db, actor: host, eventSlug: event.slug }))).toMatchObject({ code: "NOT_FOUND", messageKey: "recapMissing" });
    await saveRecap({ db, actor: host, eventSlug: event.slug, input: recap });
    // A recap e-mail left queued from an earlier publication of this recap: not this refusal's to cancel.
    const draft = await db.recap.findUniqueOrThrow({ where: { eventId: event.id } });
    const request = await createRecapRequest(db, event.id);
    const queued = await db.outboundEmail.create({
      data: {
        kind: "recap-published",
        dedupeKey: `brouillon-${request.id}`,
        toAddress: request.email,
        subject: "Compte rendu",
        recapRequestId: request.id,
        recapId: draft.id,
      },
    });
    expect(await rejection(unpublishRecap({ db, actor: host, eventSlug: event.slug }))).toMatchObject({ code: "INVALID", messageKey: "recapNotPublished" });
    expect((await db.recap.findUniqueOrThrow({ where: { eventId: event.id } })).status).toBe("DRAFT");
    expect((await db.outboundEmail.findUniqueOrThrow({ where: { id: queued.id } })).status).toBe("PENDING");
    expect(await db.auditLog.count({ where: { action: "recap.unpublish", details: { contains: event.id } } })).toBe(0);
  });
});

describe("counts that mean something", () => {
  it("never count withdrawn or erased people as waiting", async () => {
    const event = await createEvent(db);
    const [first, second] = [await createRecapRequest(db, event.id), await createRecapRequest(db, event.id)];
    await createRecapRequest(db, event.id, { status: "UNCONFIRMED" });
    expect((await getPublishedEvent({ db, slug: event.slug }))!.recapStatus).toMatchObject({ waiting: 2 });
    await withdrawRecapRequest({ db, token: manageToken(first.id) });
    await db.recapRequest.delete({ where: { id: second.id } });
    expect((await getPublishedEvent({ db, slug: event.slug }))!.recapStatus).toMatchObject({ waiting: 0 });
    expect((await getRecapForEditing({ db, actor: host, eventSlug: event.slug })).counts).toMatchObject({ waiting: 0, sent: 0, withdrawn: 1 });
    // Publishing tells the host it mails nobody, and mails nobody.
    await saveRecap({ db, actor: host, eventSlug: event.slug, input: recap });
    expect((await publishRecap({ db, actor: host, eventSlug: event.slug })).notified).toBe(0);
    await deliver();
    expect(smtp.received).toHaveLength(0);
  });

  it("say since when people wait, from the oldest confirmation", async () => {
    const event = await createEvent(db);
    await createRecapRequest(db, event.id, { confirmedAt: new Date("2010-10-04T07:45:00Z") });
    await createRecapRequest(db, event.id, { confirmedAt: new Date("2010-10-11T09:30:00Z") });
    expect((await getPublishedEvent({ db, slug: event.slug }))!.recapStatus).toMatchObject({ waiting: 2, waitingSince: new Date("2010-10-04T07:45:00Z") });
  });
});

/** A question about the recap, held for moderation, as the recogniser flags it. */
async function heldQuestion(eventId: string) {
  const comment = await createComment(db, eventId, { status: "PENDING", body: "Y a-t-il eu un compte rendu ?" });
  return db.comment.update({ where: { id: comment.id }, data: { asksForRecap: true } });
}

/** A reader's question posted through the comment form's use case (held for moderation unless the author is trusted). */
function postedQuestion(eventSlug: string, email: string, body: string, author: { name?: string; commenterKey?: string } = {}) {
  return postComment({
    db,
    eventSlug,
    input: { authorName: author.name ?? "Inès", authorEmail: email, body },
    client: { ip: newIp(), commenterKey: author.commenterKey },
  });
}

/** The same question from a browser a host already trusted for `email`: published at once. */
async function trustedQuestion(eventSlug: string, email: string, authorName: string) {
  const commenterKey = await trustedBrowser(db, email);
  return postedQuestion(eventSlug, email, "Y a-t-il eu un compte rendu ?", { name: authorName, commenterKey });
}

describe("the host's reply under comments asking after publication", () => {
  it("is posted once under each approved asking comment, at once or on approval, when the host chose replies", async () => {
    const event = await createEvent(db, { title: "Réponses" });
    await saveRecap({ db, actor: host, eventSlug: event.slug, input: recap });
    await publishRecap({ db, actor: host, eventSlug: event.slug, replyToAskers: true });

    // A first comment is held; approving it posts the reply.
    const held = await postedQuestion(event.slug, "ines@example.org", "Le compte rendu est-il disponible ?");
    expect(held).toMatchObject({ status: "PENDING", asksForRecap: true });
    expect(await db.comment.count({ where: { noticeForCommentId: held.id } })).toBe(0);
    await moderateComments({ db, actor: host, input: { commentIds: [held.id], status: "APPROVED" } });
    const reply = await db.comment.findFirstOrThrow({ where: { noticeForCommentId: held.id } });
    expect(reply).toMatchObject({ parentId: held.id, authorUserId: host.id, status: "APPROVED", isRecapNotice: true });
    expect(reply.body).toBe(`Le compte rendu est en ligne : ${process.env.SITE_URL ?? "http://localhost:3000"}/events/${event.slug}#recap`);

    // Approving it again (back to pending and approved) never answers twice.
    await moderateComments({ db, actor: host, input: { commentIds: [held.id], status: "PENDING" } });
    await moderateComments({ db, actor: host, input: { commentIds: [held.id], status: "APPROVED" } });
    expect(await db.comment.count({ where: { noticeForCommentId: held.id } })).toBe(1);

    // An author already trusted is published at once, and answered at once.
    const trusted = await trustedQuestion(event.slug, "connu@example.org", "Connu");
    expect(trusted.status).toBe("APPROVED");
    expect(await db.comment.count({ where: { noticeForCommentId: trusted.id } })).toBe(1);
  });

  it("is taken down with the recap, and only it: readers' comments stay", async () => {
    const event = await createEvent(db, { title: "Réponses retirées" });
    await createComment(db, event.id, { status: "APPROVED", body: "Merci pour cette rencontre." });
    await saveRecap({ db, actor: host, eventSlug: event.slug, input: recap });
    await publishRecap({ db, actor: host, eventSlug: event.slug, replyToAskers: true });
    const asking = await postedQuestion(event.slug, "ines-retrait@example.org", "Y a-t-il eu un compte rendu ?");
    await moderateComments({ db, actor: host, input: { commentIds: [asking.id], status: "APPROVED" } });
    expect(await db.comment.count({ where: { noticeForCommentId: asking.id } })).toBe(1);
    const before = (await getPublishedEvent({ db, slug: event.slug }))!.commentCount;

    expect(await unpublishRecap({ db, actor: host, eventSlug: event.slug })).toMatchObject({ repliesRemoved: 1 });
    expect(await db.comment.count({ where: { noticeForCommentId: asking.id } })).toBe(0);
    expect((await getPublishedEvent({ db, slug: event.slug }))!.commentCount).toBe(before - 1);
  });

  it("is not posted when the host did not choose replies", async () => {
    const event = await createEvent(db, { title: "Sans réponses" });
    await saveRecap({ db, actor: host, eventSlug: event.slug, input: recap });
    await publishRecap({ db, actor: host, eventSlug: event.slug });
    const asking = await heldQuestion(event.id);
    await moderateComments({ db, actor: host, input: { commentIds: [asking.id], status: "APPROVED" } });
    expect(await db.comment.count({ where: { noticeForCommentId: asking.id } })).toBe(0);
    // Nor under a trusted author's question, published at once.
    const atOnce = await trustedQuestion(event.slug, "connue-sans@example.org", "Connue");
    expect(atOnce).toMatchObject({ status: "APPROVED", asksForRecap: true });
    expect(await db.comment.count({ where: { noticeForCommentId: atOnce.id } })).toBe(0);
  });

  it("answers only comments that ask, each under its own event's recap, and none that is refused", async () => {
    const withReplies = async (title: string) => {
      const event = await createEvent(db, { title });
      await saveRecap({ db, actor: host, eventSlug: event.slug, input: recap });
      await publishRecap({ db, actor: host, eventSlug: event.slug, replyToAskers: true });
      return event;
    };
    const replyTo = (commentId: string) => db.comment.findFirst({ where: { noticeForCommentId: commentId } });
    const first = await withReplies("Réponses, première");
    const second = await withReplies("Réponses, seconde");
    const withoutRecap = await createEvent(db, { title: "Pas encore de compte rendu" });

    // Approved together, from three events: each question is answered under its own event, with its own link.
    const [askingFirst, askingSecond, askingWithoutRecap] = [await heldQuestion(first.id), await heldQuestion(second.id), await heldQuestion(withoutRecap.id)];
    const thanks = await createComment(db, first.id, { status: "PENDING", body: "Merci pour cette rencontre." });
    await moderateComments({
      db,
      actor: host,
      input: { commentIds: [askingFirst.id, thanks.id, askingSecond.id, askingWithoutRecap.id], status: "APPROVED" },
    });
    expect(await replyTo(askingFirst.id)).toMatchObject({
      eventId: first.id,
      parentId: askingFirst.id,
      body: expect.stringContaining(`/events/${first.slug}#recap`),
    });
    expect(await replyTo(askingSecond.id)).toMatchObject({
      eventId: second.id,
      parentId: askingSecond.id,
      body: expect.stringContaining(`/events/${second.slug}#recap`),
    });
    expect(await db.comment.count({ where: { noticeForCommentId: { in: [thanks.id, askingWithoutRecap.id] } } })).toBe(0);

    // Refused, a question gets no answer.
    for (const status of ["SPAM", "REJECTED"] as const) {
      const refused = await heldQuestion(first.id);
      await moderateComments({ db, actor: host, input: { commentIds: [refused.id], status } });
      expect(await replyTo(refused.id)).toBeNull();
    }

    // Once the account of the host who published is gone, nobody is left to sign the answer: none is posted.
    await db.recap.update({ where: { eventId: second.id }, data: { publishedById: null } });
    const orphan = await heldQuestion(second.id);
    await moderateComments({ db, actor: host, input: { commentIds: [orphan.id], status: "APPROVED" } });
    expect(await replyTo(orphan.id)).toBeNull();
  });
});

describe("the recap's public status", () => {
  const now = new Date("2026-10-01T10:00:00Z");

  it("is nothing said by default, then what the host says: expected by a day, or none planned with a sentence", async () => {
    const event = await createEvent(db, { timeZone: "Europe/Paris" });
    expect((await getPublishedEvent({ db, slug: event.slug }))!.recapStatus).toMatchObject({ status: "UNANNOUNCED", expectedOn: null, note: null });
    await setRecapOutlook({ db, actor: host, eventSlug: event.slug, input: { outlook: "EXPECTED", expectedOn: "2026-10-12" }, now });
    expect((await getPublishedEvent({ db, slug: event.slug }))!.recapStatus).toMatchObject({ status: "EXPECTED", expectedOn: "2026-10-12" });
    await setRecapOutlook({
      db,
      actor: host,
      eventSlug: event.slug,
      input: { outlook: "NOT_PLANNED", expectedOn: "2026-10-12", note: "La rencontre n'a pas été enregistrée." },
      now,
    });
    expect((await getPublishedEvent({ db, slug: event.slug }))!.recapStatus).toMatchObject({
      status: "NOT_PLANNED",
      expectedOn: null,
      note: "La rencontre n'a pas été enregistrée.",
    });
    // Readers can still ask to be told if one appears; hosts see that demand.
    await requestRecap({ db, eventSlug: event.slug, input: { email: "quand-meme@example.org" }, client: { ip: newIp() }, fallbackLocale: "fr", now });
    await db.recapRequest.updateMany({ where: { email: "quand-meme@example.org" }, data: { status: "CONFIRMED", confirmedAt: now } });
    expect((await getRecapForEditing({ db, actor: host, eventSlug: event.slug })).counts.waiting).toBe(1);
    // Once published, the recap is what readers see.
    await saveRecap({ db, actor: host, eventSlug: event.slug, input: recap });
    await publishRecap({ db, actor: host, eventSlug: event.slug });
    expect((await getPublishedEvent({ db, slug: event.slug }))!.recapStatus).toMatchObject({ status: "PUBLISHED", note: null });
  });

  it("refuses an expected day already past in the event's time zone, changing nothing", async () => {
    const event = await createEvent(db, { timeZone: "Pacific/Kiritimati" });
    // 10:00 UTC on 1 October is already 2 October in Kiritimati (UTC+14): 1 October is past there.
    const error = await rejection(setRecapOutlook({ db, actor: host, eventSlug: event.slug, input: { outlook: "EXPECTED", expectedOn: "2026-10-01" }, now }));
    expect(error.fieldErrors).toEqual({ expectedOn: ["expectedDateInPast"] });
    await setRecapOutlook({ db, actor: host, eventSlug: event.slug, input: { outlook: "EXPECTED", expectedOn: "2026-10-02" }, now });
    expect(
      (await rejection(setRecapOutlook({ db, actor: host, eventSlug: event.slug, input: { outlook: "EXPECTED", expectedOn: "2026-02-30" }, now }))).fieldErrors,
    ).toEqual({
      expectedOn: ["dateInvalid"],
    });
    expect((await rejection(setRecapOutlook({ db, actor: host, eventSlug: event.slug, input: { outlook: "SOON" }, now }))).fieldErrors).toEqual({
      outlook: ["outlookInvalid"],
    });
    expect(await db.event.findUniqueOrThrow({ where: { id: event.id }, select: { recapOutlook: true, recapExpectedOn: true } })).toEqual({
      recapOutlook: "EXPECTED",
      recapExpectedOn: "2026-10-02",
    });
  });

  it("cannot be changed on an unpublished event, nor the recap published there", async () => {
    const event = await createEvent(db, { status: "DRAFT" });
    const error = await rejection(setRecapOutlook({ db, actor: host, eventSlug: event.slug, input: { outlook: "NOT_PLANNED" }, now }));
    expect(error.fieldErrors).toEqual({ outlook: ["eventNotPublished"] });
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).recapOutlook).toBe("UNANNOUNCED");
    await saveRecap({ db, actor: host, eventSlug: event.slug, input: recap });
    expect((await rejection(publishRecap({ db, actor: host, eventSlug: event.slug }))).messageKey).toBe("eventNotPublished");
    expect((await rejection(setRecapOutlook({ db, actor: null, eventSlug: event.slug, input: { outlook: "NOT_PLANNED" } }))).code).toBe("UNAUTHORIZED");
  });
});
