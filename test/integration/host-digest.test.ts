// Hosts are nudged: a weekly digest of events whose requesters have waited too long, once per period
// whatever the number of workers, in each host's language, never to a host who turned it off.
import { beforeEach, describe, expect, it } from "vitest";
import { createDatabase } from "@/lib/db/client";
import { isoWeek, listEventsAwaitingRecap, sendHostDigests } from "@/lib/notifications/send-host-digests";
import { turnOffDigest } from "@/lib/users/turn-off-digest";
import { createMailTransport } from "@/lib/notifications/mailer";
import { processOutboxOnce } from "@/lib/notifications/outbox-worker";
import { createEvent, createHost, createRecapRequest } from "../factories";
import { rejection } from "../rejection";
import { startSmtpSink } from "../smtp-sink";
import { killProcess, startWorkerProcess, waitFor } from "../worker-process";

const db = createDatabase();
const DAY = 86_400_000;

describe("the hosts' digest", () => {
  // Each case starts from an empty site (this file's own database).
  beforeEach(async () => {
    await db.outboundEmail.deleteMany();
    await db.job.deleteMany();
    await db.event.deleteMany();
    await db.user.deleteMany();
  });

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
    const sentAll = await createEvent(db, { title: "Tout envoyé" });
    await createRecapRequest(db, sentAll.id, { confirmedAt: new Date(now.getTime() - 30 * DAY), recapSentAt: new Date(now.getTime() - 20 * DAY) });

    const listed = await listEventsAwaitingRecap(db, now, 7);
    expect(listed.map((event) => [event.title, event.waiting])).toEqual([["En attente", 2]]);
    expect(listed[0].editorUrl).toMatch(new RegExp(`/dashboard/events/${waiting.slug}/recap$`));
  });

  it("goes out once per week with two worker processes running, in each host's language, and stops for a host who opts out", async () => {
    const smtp = await startSmtpSink();
    const french = await createHost(db, { email: "camille@example.org", locale: "fr" });
    const english = await createHost(db, { email: "sam@example.org", locale: "en" });
    const optedOut = await createHost(db, { email: "plus-jamais@example.org", locale: "fr" });
    await db.user.update({ where: { id: optedOut.id }, data: { digestOptOut: true } });
    const event = await createEvent(db, { title: "Webreakfast" });
    await createRecapRequest(db, event.id, { confirmedAt: new Date(Date.now() - 9 * DAY) });

    // Both workers schedule the day's digest job as they start; one job runs, one e-mail per host.
    const workers = [startWorkerProcess({ SMTP_URL: smtp.url }), startWorkerProcess({ SMTP_URL: smtp.url })];
    await waitFor(() => smtp.received.length >= 2, 60_000, "two digests");
    await new Promise((resolve) => setTimeout(resolve, 3000));
    for (const worker of workers) await killProcess(worker);

    expect(smtp.received.map((mail) => mail.to[0]).sort()).toEqual(["camille@example.org", "sam@example.org"]);
    const [toCamille] = smtp.received.filter((mail) => mail.to.includes("camille@example.org"));
    const [toSam] = smtp.received.filter((mail) => mail.to.includes("sam@example.org"));
    expect(toCamille.subject).toBe("1 personne attend un compte rendu");
    expect(toCamille.text).toContain("« Webreakfast » : 1 personne attend depuis le");
    expect(toCamille.text).toContain(`/dashboard/events/${event.slug}/recap`);
    expect(toSam.subject).toBe("1 person is waiting for a recap");
    expect(toSam.text).toContain("“Webreakfast”: 1 person waiting since");
    expect(toSam.headers).toMatch(/^List-Unsubscribe: <http[^>]+\/api\/digest\/opt-out\?token=[^>]+>/m);
    expect(await db.job.count({ where: { kind: "host-digest" } })).toBe(1);

    // Run again the same week: nothing new. Sam opts out from the e-mail's link.
    expect(await sendHostDigests({ db, now: new Date() })).toBe(0);
    const token = new URL(/^List-Unsubscribe: <([^>]+)>/m.exec(toSam.headers)![1]).searchParams.get("token");
    await turnOffDigest({ db, token });
    expect((await db.user.findUniqueOrThrow({ where: { id: english.id } })).digestOptOut).toBe(true);
    expect((await rejection(turnOffDigest({ db, token: `${token}x` }))).code).toBe("NOT_FOUND");

    // The next week, only Camille hears about it.
    const nextWeek = new Date(Date.now() + 7 * DAY);
    expect(isoWeek(nextWeek)).not.toBe(isoWeek(new Date()));
    expect(await sendHostDigests({ db, now: nextWeek })).toBe(1);
    const transport = createMailTransport(smtp.url);
    await processOutboxOnce({ db, transport, from: "Debrief <debrief@example.org>", now: () => nextWeek });
    transport.close();
    expect(smtp.received.filter((mail) => mail.to.includes("camille@example.org"))).toHaveLength(2);
    expect(smtp.received.filter((mail) => mail.to.includes("sam@example.org"))).toHaveLength(1);
    expect(french.id).toBeTruthy();
    await smtp.close();
  }, 90_000);

  it("names the ISO week across a year's end", () => {
    expect(isoWeek(new Date("2026-12-31T12:00:00Z"))).toBe("2026-W53");
    expect(isoWeek(new Date("2027-01-04T12:00:00Z"))).toBe("2027-W01");
  });
});
