// Hosts are nudged: a weekly digest of events whose requesters have waited too long, once per period
// whatever the number of workers, in each host's language, never to a host who turned it off.
import { beforeEach, describe, expect, it } from "vitest";
import { createDatabase } from "@/lib/db/client";
import { isoWeek, sendHostDigests } from "@/lib/notifications/send-host-digests";
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
});
