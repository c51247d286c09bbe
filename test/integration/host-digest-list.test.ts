// The hosts' digest, in this process: which events it lists, and the e-mails it queues (host-digest.test.ts runs
// it with worker processes).
import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { createDatabase } from "@/lib/db/client";
import { digestOptOutUrl, userIdFromDigestOptOutToken } from "@/lib/notifications/digest-links";
import { processOutboxOnce } from "@/lib/notifications/outbox-worker";
import { isoWeek, listEventsAwaitingRecap, sendHostDigests } from "@/lib/notifications/send-host-digests";
import { publishRecap } from "@/lib/recaps/publish-recap";
import { saveRecap } from "@/lib/recaps/save-recap";
import { turnOffDigest } from "@/lib/users/turn-off-digest";
import { createEvent, createHost, createRecapRequest } from "../factories";
import { smtpForTests } from "../setup/smtp-for-tests";

const db = createDatabase();
const { smtp, transport } = await smtpForTests({ emptiedBeforeEach: true });
const DAY = 86_400_000;
let host: Actor;

/** Addresses in a digest as sent: the event's recap editor, the opt-out page, the one-click opt-out (header). */
const editorUrlIn = (mail: string, slug: string) => new RegExp(`https?://[^/\\s]+/dashboard/events/${slug}/recap`).exec(mail)?.[0];
const optOutPageUrlIn = (mail: string) => /https?:\/\/[^\s/]+\/digest\/opt-out\?token=[^\s)>\]<]+/.exec(mail)?.[0];
const oneClickUrlIn = (headers: string) => /^List-Unsubscribe: <(https?:\/\/[^>]+\/api\/digest\/opt-out\?token=[^>]+)>$/m.exec(headers)?.[1];
const tokenOf = (url: string | undefined) => (url ? new URL(url).searchParams.get("token") : null);

// Each case starts from an empty site (this file's own database).
beforeEach(async () => {
  await db.outboundEmail.deleteMany();
  await db.job.deleteMany();
  await db.event.deleteMany();
  await db.user.deleteMany();
  host = await createHost(db, { email: "hote-resume@example.org", locale: "en" });
});

describe("the hosts' digest", () => {
  it("lists events whose people have waited past the delay, unless the recap is out or declared not planned", async () => {
    const now = new Date("2026-11-30T09:00:00Z");
    const waiting = await createEvent(db, { title: "En attente" });
    await createRecapRequest(db, waiting.id, { confirmedAt: new Date(now.getTime() - 10 * DAY) });
    await createRecapRequest(db, waiting.id, { confirmedAt: new Date(now.getTime() - 2 * DAY) });
    const recent = await createEvent(db, { title: "Trop récent" });
    await createRecapRequest(db, recent.id, { confirmedAt: new Date(now.getTime() - 2 * DAY) });
    const declined = await createEvent(db, { title: "Pas de compte rendu", recapOutlook: "NOT_PLANNED" });
    await createRecapRequest(db, declined.id, { confirmedAt: new Date(now.getTime() - 30 * DAY) });
    const demo = await createEvent(db, { title: "Démo", isDemo: true });
    await createRecapRequest(db, demo.id, { confirmedAt: new Date(now.getTime() - 30 * DAY) });
    // Confirmed exactly seven days ago: not yet overdue.
    const onTheDay = await createEvent(db, { title: "Pile sept jours" });
    await createRecapRequest(db, onTheDay.id, { confirmedAt: new Date(now.getTime() - 7 * DAY) });
    // Waiting, but the event was taken off the site, or the request is not confirmed.
    const draft = await createEvent(db, { title: "Brouillon", status: "DRAFT" });
    await createRecapRequest(db, draft.id, { confirmedAt: new Date(now.getTime() - 30 * DAY) });
    const unconfirmed = await createEvent(db, { title: "Non confirmée" });
    await createRecapRequest(db, unconfirmed.id, { status: "UNCONFIRMED", confirmedAt: new Date(now.getTime() - 30 * DAY) });
    // A recap written but not published keeps the event listed; a published one does not.
    const older = await createEvent(db, { title: "Plus ancienne, brouillon de compte rendu" });
    await createRecapRequest(db, older.id, { confirmedAt: new Date(now.getTime() - 20 * DAY) });
    await saveRecap({ db, actor: host, eventSlug: older.slug, input: { body: "Bientôt." } });
    const published = await createEvent(db, { title: "Compte rendu publié" });
    await createRecapRequest(db, published.id, { confirmedAt: new Date(now.getTime() - 20 * DAY) });
    await saveRecap({ db, actor: host, eventSlug: published.slug, input: { body: "Le voici." } });
    await publishRecap({ db, actor: host, eventSlug: published.slug });
    const sentAll = await createEvent(db, { title: "Tout envoyé" });
    await createRecapRequest(db, sentAll.id, { confirmedAt: new Date(now.getTime() - 30 * DAY), recapSentAt: new Date(now.getTime() - 20 * DAY) });

    const listed = await listEventsAwaitingRecap(db, now, 7);
    // Longest wait first.
    expect(listed.map((event) => [event.title, event.waiting])).toEqual([
      ["Plus ancienne, brouillon de compte rendu", 1],
      ["En attente", 2],
    ]);
    expect(listed[1]).toMatchObject({
      editorUrl: `/dashboard/events/${waiting.slug}/recap`,
      waitingSince: new Date(now.getTime() - 10 * DAY).toISOString(),
      timeZone: waiting.timeZone,
    });
  });

  it("queues one e-mail per host who has not turned it off, once per week, and none when nobody waits too long", async () => {
    const now = new Date("2026-12-07T09:00:00Z");
    expect(await sendHostDigests({ db, now, nudgeAfterDays: 7 })).toBe(0);
    const event = await createEvent(db, { title: "Attendue depuis longtemps" });
    await createRecapRequest(db, event.id, { confirmedAt: new Date(now.getTime() - 8 * DAY) });
    await createRecapRequest(db, event.id, { confirmedAt: new Date(now.getTime() - 9 * DAY) });
    const quiet = await createHost(db, { email: "pas-de-resume@example.org" });
    await turnOffDigest({ db, token: new URL(digestOptOutUrl(quiet.id)).searchParams.get("token") });
    const queued = await sendHostDigests({ db, now, nudgeAfterDays: 7 });
    const digests = await db.outboundEmail.findMany({ where: { kind: "host-digest" }, select: { toAddress: true, subject: true, locale: true } });
    expect(digests.map((digest) => digest.toAddress)).toContain("hote-resume@example.org");
    expect(digests.map((digest) => digest.toAddress)).not.toContain("pas-de-resume@example.org");
    expect(queued).toBe(digests.length);
    expect(digests.find((digest) => digest.toAddress === "hote-resume@example.org")).toMatchObject({
      locale: "en",
      subject: "2 people are waiting for recaps",
    });
    // Later the same week: nothing more; the next week, again.
    expect(await sendHostDigests({ db, now: new Date(now.getTime() + 2 * DAY), nudgeAfterDays: 7 })).toBe(0);
    expect(await sendHostDigests({ db, now: new Date(now.getTime() + 7 * DAY), nudgeAfterDays: 7 })).toBe(digests.length);
  });

  it("reaches each host in their language, each event linked to its recap page, with a one-click way to stop", async () => {
    const now = new Date("2026-12-07T09:00:00Z");
    const french = await createHost(db, { email: "camille@example.org", locale: "fr" });
    const changedMind = await createHost(db, { email: "change-d-avis@example.org", locale: "fr" });
    const event = await createEvent(db, { title: "Webreakfast" });
    await createRecapRequest(db, event.id, { confirmedAt: new Date(now.getTime() - 9 * DAY) });
    expect(await sendHostDigests({ db, now, nudgeAfterDays: 7 })).toBe(3);
    // A host who turns the digest off after it was queued, before the worker sends it, is not sent it.
    await db.user.update({ where: { id: changedMind.id }, data: { digestOptOut: true } });
    await processOutboxOnce({ db, transport, from: "Debrief <debrief@example.org>", now: () => now });

    expect(smtp.received.map((mail) => mail.to[0]).sort()).toEqual(["camille@example.org", "hote-resume@example.org"]);
    expect(await db.outboundEmail.findFirstOrThrow({ where: { toAddress: "change-d-avis@example.org" } })).toMatchObject({
      status: "CANCELLED",
      lastError: "digest turned off",
    });
    const toCamille = smtp.received.find((mail) => mail.to.includes("camille@example.org"))!;
    const toHost = smtp.received.find((mail) => mail.to.includes("hote-resume@example.org"))!;
    expect(toCamille.subject).toBe("1 personne attend un compte rendu");
    expect(toCamille.text).toContain("« Webreakfast » : 1 personne attend depuis le");
    expect(toHost.subject).toBe("1 person is waiting for a recap");
    // The whole message as the host reads it, in text and in HTML (lines as sent end in CRLF).
    const hostMail = toHost.text.replace(/\r\n/g, "\n");
    const editorUrl = editorUrlIn(hostMail, event.slug);
    const pageUrl = optOutPageUrlIn(hostMail);
    expect(hostMail).toContain(
      [
        "Debrief",
        "Hello Hôte,",
        "People have been waiting a while for the recap of this event:",
        `- “Webreakfast”: 1 person waiting since Nov 28, 2026.\n  Open the recap editor: ${editorUrl}`,
        "Publish the recap, say when it will be out, or say there will be none: readers will see it on the page.",
        `Stop receiving this digest: ${pageUrl}`,
      ].join("\n\n"),
    );
    expect(hostMail).toContain('<html lang="en">');
    expect(hostMail).toMatch(/>Hello Hôte,<\/p><p[^>]*>People have been waiting a while for the recap of this event:<\/p>/);
    expect(hostMail).toContain(`<li style="margin:0 0 8px">“Webreakfast”: 1 person waiting since Nov 28, 2026. <a href="${editorUrl}"`);
    expect(hostMail).toMatch(/>Open the recap editor<\/a><\/li><\/ul>/);
    expect(hostMail).toContain(
      `>Publish the recap, say when it will be out, or say there will be none: readers will see it on the page. Stop receiving this digest: <a href="${pageUrl}"`,
    );
    // The address in the footer is a link the host can click, not text to copy.
    expect(hostMail).toContain(`>${pageUrl}</a></p></div></body></html>`);
    expect(toCamille.text).toContain('<html lang="fr">');
    for (const [mail, user] of [
      [toCamille, french],
      [toHost, host],
    ] as const) {
      // The editor's address is absolute, on this site.
      expect(editorUrlIn(mail.text, event.slug)).toBeDefined();
      // The page that asks before turning it off, and the address mail clients post to (RFC 8058), each for this host.
      expect(userIdFromDigestOptOutToken(tokenOf(optOutPageUrlIn(mail.text)), now)).toBe(user.id);
      expect(userIdFromDigestOptOutToken(tokenOf(oneClickUrlIn(mail.headers)), now)).toBe(user.id);
      expect(mail.headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    }
    expect(userIdFromDigestOptOutToken(`${tokenOf(oneClickUrlIn(toHost.headers))}x`, now)).toBeNull();
  });

  it("names the ISO week across a year's end", () => {
    expect(isoWeek(new Date("2026-12-31T12:00:00Z"))).toBe("2026-W53");
    expect(isoWeek(new Date("2027-01-04T12:00:00Z"))).toBe("2027-W01");
  });
});
