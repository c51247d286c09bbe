// The hosts' digest, in this process: which events it lists, and the e-mails it queues (host-digest.test.ts runs
// it with worker processes).
import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { createDatabase } from "@/lib/db/client";
import { digestOptOutUrl } from "@/lib/notifications/digest-links";
import { isoWeek, listEventsAwaitingRecap, sendHostDigests } from "@/lib/notifications/send-host-digests";
import { publishRecap } from "@/lib/recaps/publish-recap";
import { saveRecap } from "@/lib/recaps/save-recap";
import { turnOffDigest } from "@/lib/users/turn-off-digest";
import { createEvent, createHost, createRecapRequest } from "../factories";

const db = createDatabase();
const DAY = 86_400_000;
let host: Actor;

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

  it("names the ISO week across a year's end", () => {
    expect(isoWeek(new Date("2026-12-31T12:00:00Z"))).toBe("2026-W53");
    expect(isoWeek(new Date("2027-01-04T12:00:00Z"))).toBe("2027-W01");
  });
});
