import { beforeAll, describe, expect, it } from "vitest";
import { POST as unsubscribeRoute } from "@/app/api/recap-requests/unsubscribe/route";
import type { Actor } from "@/lib/auth/permissions";
import { createDatabase } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { getPublishedEvent } from "@/lib/events/get-event";
import { getRecapForEditing } from "@/lib/recaps/get-recap-for-editing";
import { publishRecap } from "@/lib/recaps/publish-recap";
import { requeueRecapEmails } from "@/lib/recaps/requeue-recap-emails";
import { saveRecap } from "@/lib/recaps/save-recap";
import { eraseRecapRequest } from "@/lib/recaps/erase-recap-request";
import { findRecapRequestForManaging } from "@/lib/recaps/find-recap-request-for-managing";
import { createComment, createEvent, createHost, createRecapRequest } from "../factories";
import { deliverAll } from "../deliver-all";
import { rejection } from "../rejection";
import { smtpForTests } from "../setup/smtp-for-tests";

const db = createDatabase();
const { smtp, transport } = await smtpForTests();
let host: Actor;

beforeAll(async () => {
  host = await createHost(db);
});

const sendAll = () => deliverAll({ db, transport });

const recapInput = {
  body: "## Ce qui s'est dit\n\nMerci à toutes et tous. Le **clickactivism** a fait débat.",
  links: [{ kind: "SLIDES", title: "Les diapositives", url: "https://example.org/slides.pdf" }],
};

describe("publishing a recap", () => {
  it("makes it public and mails every confirmed requester exactly once, in their language, with one-click unsubscribe", async () => {
    const event = await createEvent(db, { title: "Webreakfast" });
    await createRecapRequest(db, event.id, { email: "un@example.org" });
    await createRecapRequest(db, event.id, { email: "two@example.org", locale: "en" });
    await createRecapRequest(db, event.id, { email: "pas-confirme@example.org", status: "UNCONFIRMED" });

    await saveRecap({ db, actor: host, eventSlug: event.slug, input: recapInput });
    expect((await getPublishedEvent({ db, slug: event.slug }))?.recap).toBeNull(); // a draft is not public
    expect(await db.outboundEmail.count({ where: { kind: "recap-published" } })).toBe(0);

    const { notified } = await publishRecap({ db, actor: host, eventSlug: event.slug });
    expect(notified).toBe(2);
    const page = await getPublishedEvent({ db, slug: event.slug });
    expect(page?.recap?.body).toContain("clickactivism");
    expect(page?.recap?.links).toEqual([{ kind: "SLIDES", title: "Les diapositives", url: "https://example.org/slides.pdf" }]);

    await sendAll();
    const toOne = smtp.received.filter((mail) => mail.to.includes("un@example.org"));
    const toTwo = smtp.received.filter((mail) => mail.to.includes("two@example.org"));
    expect(toOne).toHaveLength(1);
    expect(toTwo).toHaveLength(1);
    expect(smtp.received.filter((mail) => mail.to.includes("pas-confirme@example.org"))).toHaveLength(0);
    expect(toOne[0].subject).toBe("Le compte rendu est en ligne : Webreakfast");
    expect(toTwo[0].subject).toBe("The recap is online: Webreakfast");
    expect(toOne[0].text).toContain(`/events/${event.slug}#recap`);
    expect(toOne[0].text).toContain("Les diapositives");
    expect(toOne[0].headers).toMatch(/^List-Unsubscribe: <http[^>]+\/api\/recap-requests\/unsubscribe\?token=[^>]+>/m);
    expect(toOne[0].headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);

    // Publishing again, or editing and publishing, notifies nobody twice.
    expect((await publishRecap({ db, actor: host, eventSlug: event.slug })).notified).toBe(0);
    await saveRecap({ db, actor: host, eventSlug: event.slug, input: { ...recapInput, body: `${recapInput.body}\n\nMise à jour.` } });
    expect((await publishRecap({ db, actor: host, eventSlug: event.slug })).notified).toBe(0);
    await sendAll();
    expect(smtp.received.filter((mail) => mail.to.includes("un@example.org"))).toHaveLength(1);

    // Someone who confirms later is notified at the next publication, alone.
    await createRecapRequest(db, event.id, { email: "tard@example.org" });
    expect((await publishRecap({ db, actor: host, eventSlug: event.slug })).notified).toBe(1);
    await sendAll();
    expect(smtp.received.filter((mail) => mail.to.includes("tard@example.org"))).toHaveLength(1);
    expect(smtp.received.filter((mail) => mail.to.includes("un@example.org"))).toHaveLength(1);

    const report = await getRecapForEditing({ db, actor: host, eventSlug: event.slug });
    expect(report.report).toEqual({ SENT: 3 });
  });

  it("optionally answers, once, under each approved comment that asked for the recap, as the host, in the event's language", async () => {
    const event = await createEvent(db, { title: "Atelier", language: "fr" });
    const martin = await createComment(db, event.id, { body: "Y a-t-il eu un compte rendu ?", status: "APPROVED" });
    const held = await createComment(db, event.id, { body: "Le CR est dispo ?", status: "PENDING" });
    const other = await createComment(db, event.id, { body: "Merci pour l'accueil", status: "APPROVED" });
    await db.comment.updateMany({ where: { id: { in: [martin.id, held.id] } }, data: { asksForRecap: true } });
    await saveRecap({ db, actor: host, eventSlug: event.slug, input: recapInput });
    expect((await getRecapForEditing({ db, actor: host, eventSlug: event.slug })).unansweredAskers).toBe(1);

    const first = await publishRecap({ db, actor: host, eventSlug: event.slug, replyToAskers: true });
    expect(first).toMatchObject({ replied: 1 });
    const page = (await getPublishedEvent({ db, slug: event.slug }))!;
    const thread = page.comments.find((comment) => comment.id === martin.id)!;
    expect(thread.replies).toHaveLength(1);
    expect(thread.replies[0]).toMatchObject({ authorName: "Hôte", byHost: true, status: "APPROVED" });
    expect(thread.replies[0].body).toBe(`Le compte rendu est en ligne : ${process.env.SITE_URL ?? "http://localhost:3000"}/events/${event.slug}#recap`);
    expect(page.comments.find((comment) => comment.id === other.id)?.replies).toEqual([]);
    expect(page.comments.find((comment) => comment.id === martin.id)?.byHost).toBe(false);

    // Publishing again, even asking for it, answers nobody twice; the held comment stays unanswered.
    expect(await publishRecap({ db, actor: host, eventSlug: event.slug, replyToAskers: true })).toMatchObject({ replied: 0 });
    expect(await db.comment.count({ where: { eventId: event.id, isRecapNotice: true } })).toBe(1);
    expect((await getRecapForEditing({ db, actor: host, eventSlug: event.slug })).unansweredAskers).toBe(0);
    const audit = await db.auditLog.findMany({
      where: { action: "recap.publish", targetId: first.recapId },
      orderBy: { createdAt: "asc" },
      select: { details: true, actorId: true },
    });
    expect(audit.map((row) => [row.actorId, JSON.parse(row.details ?? "{}").repliedUnderComments])).toEqual([
      [host.id, 1],
      [host.id, 0],
    ]);
  });

  it("leaves recap-asking comments unanswered unless the host asks for the reply", async () => {
    const event = await createEvent(db, { title: "Atelier sans réponse" });
    const asking = await createComment(db, event.id, { body: "Les slides ?", status: "APPROVED" });
    await db.comment.update({ where: { id: asking.id }, data: { asksForRecap: true } });
    await saveRecap({ db, actor: host, eventSlug: event.slug, input: recapInput });
    expect(await publishRecap({ db, actor: host, eventSlug: event.slug })).toMatchObject({ replied: 0 });
    expect(await db.comment.count({ where: { parentId: asking.id } })).toBe(0);
  });

  it("unsubscribes in one POST with no cookie, and lets the person erase their request", async () => {
    const event = await createEvent(db);
    await createRecapRequest(db, event.id, { email: "partir@example.org" });
    await saveRecap({ db, actor: host, eventSlug: event.slug, input: recapInput });
    await publishRecap({ db, actor: host, eventSlug: event.slug });
    await sendAll();
    const mail = smtp.received.find((received) => received.to.includes("partir@example.org"))!;
    const unsubscribeUrl = /^List-Unsubscribe: <([^>]+)>/m.exec(mail.headers)![1];

    const response = await unsubscribeRoute(new Request(unsubscribeUrl, { method: "POST", body: "List-Unsubscribe=One-Click" }));
    expect(response.status).toBe(200);
    expect(response.headers.get("location")).toBeNull();
    expect((await db.recapRequest.findFirstOrThrow({ where: { email: "partir@example.org" } })).status).toBe("WITHDRAWN");

    const forged = await unsubscribeRoute(new Request(unsubscribeUrl.replace(/token=[^&]+/, "token=abc.def"), { method: "POST" }));
    expect(forged.status).toBe(404);

    const token = new URL(unsubscribeUrl).searchParams.get("token");
    expect((await findRecapRequestForManaging({ db, token }))?.status).toBe("WITHDRAWN");
    await eraseRecapRequest({ db, token });
    expect(await db.recapRequest.count({ where: { email: "partir@example.org" } })).toBe(0);
    expect(await db.outboundEmail.count({ where: { toAddress: "partir@example.org" } })).toBe(0);
  });

  it("lets the host retry a refused delivery, which then arrives once", async () => {
    const event = await createEvent(db);
    await createRecapRequest(db, event.id, { email: "boite-pleine@example.org" });
    await saveRecap({ db, actor: host, eventSlug: event.slug, input: recapInput });
    await publishRecap({ db, actor: host, eventSlug: event.slug });
    smtp.rejectNext(552, "Mailbox full");
    await sendAll();
    expect((await getRecapForEditing({ db, actor: host, eventSlug: event.slug })).report).toEqual({ FAILED: 1 });
    expect((await requeueRecapEmails({ db, actor: host, eventSlug: event.slug, status: "FAILED" })).requeued).toBe(1);
    await sendAll();
    expect((await getRecapForEditing({ db, actor: host, eventSlug: event.slug })).report).toEqual({ SENT: 1 });
    expect(smtp.received.filter((mail) => mail.to.includes("boite-pleine@example.org"))).toHaveLength(1);
    expect((await rejection(requeueRecapEmails({ db, actor: null, eventSlug: event.slug, status: "FAILED" }))).code).toBe("UNAUTHORIZED");
  });

  it("refuses an empty recap, a bad link, and publishing nothing", async () => {
    const event = await createEvent(db);
    const error = await saveRecap({
      db,
      actor: host,
      eventSlug: event.slug,
      input: { body: " ", links: [{ kind: "SLIDES", title: "x", url: "javascript:alert(1)" }] },
    }).catch((caught) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error.fieldErrors).toMatchObject({ body: ["recapBodyRequired"], "links.0.url": ["urlInvalid"] });
    expect(await db.recap.count({ where: { eventId: event.id } })).toBe(0);
    const nothing = await publishRecap({ db, actor: host, eventSlug: event.slug }).catch((caught) => caught);
    expect(nothing.messageKey).toBe("recapMissing");
  });

  it("is refused to anonymous visitors", async () => {
    const event = await createEvent(db);
    for (const call of [
      () => saveRecap({ db, actor: null, eventSlug: event.slug, input: recapInput }),
      () => publishRecap({ db, actor: null, eventSlug: event.slug }),
      () => getRecapForEditing({ db, actor: null, eventSlug: event.slug }),
    ]) {
      expect((await call().catch((caught) => caught)).code).toBe("UNAUTHORIZED");
    }
    expect(await db.recap.count({ where: { eventId: event.id } })).toBe(0);
  });
});
