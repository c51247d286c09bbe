import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { createDatabase } from "@/lib/db/client";
import { findRecapRequestByToken } from "@/lib/recaps/find-recap-request-by-token";
import { findRecapRequestForManaging } from "@/lib/recaps/find-recap-request-for-managing";
import { getRecapForEditing } from "@/lib/recaps/get-recap-for-editing";
import { publishRecap } from "@/lib/recaps/publish-recap";
import { confirmationToken, manageToken } from "@/lib/recaps/recap-request-links";
import { saveRecap } from "@/lib/recaps/save-recap";
import { setRecapOutlook } from "@/lib/recaps/set-recap-outlook";
import { withdrawRecapRequest } from "@/lib/recaps/withdraw-recap-request";
import { createEvent, createHost, createOutboundEmail, createRecapRequest } from "../factories";
import { rejection } from "../rejection";

// What a host sees in the recap editor and what the status form stores; what a requester's manage link shows.
const db = createDatabase();
let host: Actor;

beforeAll(async () => {
  host = await createHost(db);
});

const links = [
  { kind: "SLIDES", title: "Les diapositives", url: "https://example.org/slides.pdf" },
  { kind: "VIDEO", title: "La vidéo", url: "https://example.org/video" },
  { kind: "DOCUMENT", title: "Le tableau", url: "https://example.org/tableau" },
];

describe("the recap editor", () => {
  it("shows the event, the recap as the host wrote it (links in their order) and what readers are told meanwhile", async () => {
    const event = await createEvent(db, { title: "Atelier plaidoyer", timeZone: "America/Montreal" });
    await setRecapOutlook({ db, actor: host, eventSlug: event.slug, input: { outlook: "EXPECTED", expectedOn: "2099-03-01" } });
    await saveRecap({ db, actor: host, eventSlug: event.slug, input: { body: "## Ce qui s'est dit", links } });

    const editor = await getRecapForEditing({ db, actor: host, eventSlug: event.slug });
    expect(editor).toMatchObject({
      slug: event.slug,
      title: "Atelier plaidoyer",
      eventPublished: true,
      timeZone: "America/Montreal",
      outlook: { outlook: "EXPECTED", expectedOn: "2099-03-01", note: null },
      recap: { body: "## Ce qui s'est dit", status: "DRAFT", publishedAt: null, links },
      report: {},
      preparing: null,
      ambiguous: [],
    });
  });

  it("tells the host when the event itself is not on the site, and refuses an event that does not exist", async () => {
    const draft = await createEvent(db, { status: "DRAFT" });
    expect((await getRecapForEditing({ db, actor: host, eventSlug: draft.slug })).eventPublished).toBe(false);
    const error = await rejection(getRecapForEditing({ db, actor: host, eventSlug: "aucun-evenement" }));
    expect([error.code, error.messageKey]).toEqual(["NOT_FOUND", "eventNotFound"]);
  });

  it("counts the e-mails still being prepared over every publication of this recap, and no other recap's", async () => {
    const event = await createEvent(db);
    await createRecapRequest(db, event.id);
    await createRecapRequest(db, event.id);
    await createRecapRequest(db, event.id);
    await saveRecap({ db, actor: host, eventSlug: event.slug, input: { body: "Merci", links: [] } });
    await publishRecap({ db, actor: host, eventSlug: event.slug });
    // Two more confirm before the workers got to it; publishing again prepares theirs.
    await createRecapRequest(db, event.id);
    await createRecapRequest(db, event.id);
    await publishRecap({ db, actor: host, eventSlug: event.slug });
    const other = await createEvent(db);
    await createRecapRequest(db, other.id);
    await saveRecap({ db, actor: host, eventSlug: other.slug, input: { body: "Autre", links: [] } });
    await publishRecap({ db, actor: host, eventSlug: other.slug });

    const jobs = await db.job.findMany({
      where: { kind: "recap-fanout", dedupeKey: { contains: (await recapId(event.slug))! } },
      orderBy: { createdAt: "asc" },
    });
    expect(jobs.map((job) => job.total)).toEqual([3, 5]);
    // A worker has written two of the first publication's e-mails.
    await db.job.update({ where: { id: jobs[0].id }, data: { status: "RUNNING", progress: 2 } });
    expect((await getRecapForEditing({ db, actor: host, eventSlug: event.slug })).preparing).toEqual({ done: 2, total: 8 });

    // Once every fan-out is done, nothing is being prepared.
    await db.job.updateMany({ where: { id: { in: jobs.map((job) => job.id) } }, data: { status: "DONE" } });
    expect((await getRecapForEditing({ db, actor: host, eventSlug: event.slug })).preparing).toBeNull();
  });

  it("lists this recap's ambiguous e-mails, oldest first, with what the server said, for the host to decide on", async () => {
    const event = await createEvent(db);
    await saveRecap({ db, actor: host, eventSlug: event.slug, input: { body: "Merci", links: [] } });
    const id = (await recapId(event.slug))!;
    // Written in the other order: the list is sorted by when each e-mail was queued.
    const newer = await createOutboundEmail(db, {
      kind: "recap-published",
      recapId: id,
      status: "AMBIGUOUS",
      toAddress: "recent@example.org",
      lastError: "no answer to DATA",
      attempts: 2,
      createdAt: new Date("2026-11-02T10:00:00Z"),
    });
    const older = await createOutboundEmail(db, {
      kind: "recap-published",
      recapId: id,
      status: "AMBIGUOUS",
      toAddress: "ancien@example.org",
      lastError: "connection lost after DATA",
      attempts: 1,
      createdAt: new Date("2026-11-01T10:00:00Z"),
    });
    await createOutboundEmail(db, { kind: "recap-published", recapId: id, status: "SENT", toAddress: "recu@example.org" });
    const otherEvent = await createEvent(db);
    await saveRecap({ db, actor: host, eventSlug: otherEvent.slug, input: { body: "Autre", links: [] } });
    await createOutboundEmail(db, { kind: "recap-published", recapId: (await recapId(otherEvent.slug))!, status: "AMBIGUOUS" });

    const editor = await getRecapForEditing({ db, actor: host, eventSlug: event.slug });
    expect(editor.ambiguous).toEqual([
      { id: older.id, toAddress: "ancien@example.org", lastError: "connection lost after DATA", attempts: 1 },
      { id: newer.id, toAddress: "recent@example.org", lastError: "no answer to DATA", attempts: 2 },
    ]);
    expect(editor.report).toEqual({ AMBIGUOUS: 2, SENT: 1 });
  });
});

describe("what readers are told about the recap before it is out", () => {
  const now = new Date("2026-10-01T12:00:00Z");

  it("keeps only what goes with the choice: a day when expected, a sentence when none is planned", async () => {
    const event = await createEvent(db);
    const stored = async () =>
      db.event.findUniqueOrThrow({ where: { id: event.id }, select: { recapOutlook: true, recapExpectedOn: true, recapOutlookNote: true } });

    const choose = (input: Record<string, string>) => setRecapOutlook({ db, actor: host, eventSlug: event.slug, input, now });

    // An expected recap with no day given (the date field left empty).
    await choose({ outlook: "EXPECTED", expectedOn: "", note: "" });
    expect(await stored()).toEqual({ recapOutlook: "EXPECTED", recapExpectedOn: null, recapOutlookNote: null });
    // A sentence sent along with "expected" is not kept; nor a day with "not planned", even a past one.
    await choose({ outlook: "EXPECTED", expectedOn: "2026-10-20", note: "Pas de compte rendu" });
    expect(await stored()).toEqual({ recapOutlook: "EXPECTED", recapExpectedOn: "2026-10-20", recapOutlookNote: null });
    await choose({ outlook: "NOT_PLANNED", expectedOn: "2026-01-01", note: "Les intervenants n'ont pas souhaité être enregistrés." });
    expect(await stored()).toEqual({
      recapOutlook: "NOT_PLANNED",
      recapExpectedOn: null,
      recapOutlookNote: "Les intervenants n'ont pas souhaité être enregistrés.",
    });

    // Each change is in the audit log with what was stored.
    const audit = await db.auditLog.findMany({ where: { targetId: event.id, action: "recap.outlook" }, orderBy: { createdAt: "asc" } });
    expect(audit).toHaveLength(3);
    expect(audit.every((entry) => entry.targetType === "Event")).toBe(true);
    expect(JSON.parse(audit[2].details!)).toEqual({
      recapOutlook: "NOT_PLANNED",
      recapExpectedOn: null,
      recapOutlookNote: "Les intervenants n'ont pas souhaité être enregistrés.",
    });
  });

  it("is refused, changing nothing, for an event not on the site or that does not exist", async () => {
    const draft = await createEvent(db, { status: "DRAFT" });
    const refused = await rejection(setRecapOutlook({ db, actor: host, eventSlug: draft.slug, input: { outlook: "NOT_PLANNED" }, now }));
    expect([refused.code, refused.messageKey, refused.fieldErrors]).toEqual(["INVALID", "invalidFields", { outlook: ["eventNotPublished"] }]);
    expect((await db.event.findUniqueOrThrow({ where: { id: draft.id } })).recapOutlook).toBe("UNANNOUNCED");
    const missing = await rejection(setRecapOutlook({ db, actor: host, eventSlug: "aucun-evenement", input: { outlook: "NOT_PLANNED" }, now }));
    expect([missing.code, missing.messageKey]).toEqual(["NOT_FOUND", "eventNotFound"]);
  });

  it("refuses a past day only for an expected recap, and says which field", async () => {
    const event = await createEvent(db, { timeZone: "Europe/Paris" });
    const refused = await rejection(setRecapOutlook({ db, actor: host, eventSlug: event.slug, input: { outlook: "EXPECTED", expectedOn: "2026-09-30" }, now }));
    expect([refused.code, refused.messageKey, refused.fieldErrors]).toEqual(["INVALID", "invalidFields", { expectedOn: ["expectedDateInPast"] }]);
  });
});

describe("a requester's manage link", () => {
  it("shows their address, where their request stands and the event, and nothing for a forged link", async () => {
    const event = await createEvent(db, { title: "Webreakfast", timeZone: "Europe/Paris" });
    const request = await createRecapRequest(db, event.id, { email: "martin@example.org" });
    const token = manageToken(request.id);

    expect(await findRecapRequestForManaging({ db, token })).toEqual({
      email: "martin@example.org",
      status: "CONFIRMED",
      recapSentAt: null,
      withdrawnAt: null,
      event: { slug: event.slug, title: "Webreakfast", timeZone: "Europe/Paris", recap: null },
    });
    await withdrawRecapRequest({ db, token, now: new Date() });
    expect((await findRecapRequestForManaging({ db, token }))?.withdrawnAt).toBeInstanceOf(Date);

    expect(await findRecapRequestForManaging({ db, token: `${token}x` })).toBeNull();
    expect(await findRecapRequestForManaging({ db, token: null })).toBeNull();
  });
});

describe("a requester's confirmation link", () => {
  it("shows the event and whether the recap is already out; a forged, replaced or expired link, or a withdrawn request, shows neither", async () => {
    const event = await createEvent(db, { title: "Webreakfast", timeZone: "Europe/Paris" });
    const request = await createRecapRequest(db, event.id, { status: "UNCONFIRMED", askedAt: new Date() });
    const token = confirmationToken(request);
    const page = { status: "UNCONFIRMED", event: { slug: event.slug, title: "Webreakfast", timeZone: "Europe/Paris" }, recapSentAt: null };
    expect(await findRecapRequestByToken({ db, token })).toEqual({ ...page, recapPublished: false });
    await saveRecap({ db, actor: host, eventSlug: event.slug, input: { body: "Merci", links: [] } });
    expect((await findRecapRequestByToken({ db, token })).recapPublished).toBe(false); // a draft is not out
    await publishRecap({ db, actor: host, eventSlug: event.slug });
    expect(await findRecapRequestByToken({ db, token })).toEqual({ ...page, recapPublished: true });

    const forged = await rejection(findRecapRequestByToken({ db, token: `${token}x` }));
    expect([forged.code, forged.messageKey]).toEqual(["NOT_FOUND", "confirmationLinkInvalid"]);
    const expired = await rejection(findRecapRequestByToken({ db, token, now: new Date(request.confirmTokenExpiresAt.getTime() + 1) }));
    expect([expired.code, expired.messageKey]).toEqual(["INVALID", "confirmationLinkExpired"]);
    // A newer confirmation e-mail replaced this link.
    await db.recapRequest.update({ where: { id: request.id }, data: { lastConfirmationSentAt: new Date(request.lastConfirmationSentAt.getTime() + 1000) } });
    const replaced = await rejection(findRecapRequestByToken({ db, token }));
    expect([replaced.code, replaced.messageKey]).toEqual(["NOT_FOUND", "confirmationLinkInvalid"]);
    const current = confirmationToken(await db.recapRequest.findUniqueOrThrow({ where: { id: request.id } }));
    expect((await findRecapRequestByToken({ db, token: current })).status).toBe("UNCONFIRMED");
    await withdrawRecapRequest({ db, token: manageToken(request.id) });
    expect((await rejection(findRecapRequestByToken({ db, token: current }))).messageKey).toBe("confirmationLinkInvalid");
  });
});

async function recapId(slug: string): Promise<string | undefined> {
  return (await db.event.findUniqueOrThrow({ where: { slug }, select: { recap: { select: { id: true } } } })).recap?.id;
}
