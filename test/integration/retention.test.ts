// Personal data kept no longer than it serves, by the daily retention job.
import { describe, expect, it } from "vitest";
import { createDatabase } from "@/lib/db/client";
import { runDueJobs } from "@/lib/jobs/run-worker";
import { schedulePeriodicJobs } from "@/lib/jobs/periodic-jobs";
import { createComment, createEvent, createOutboundEmail, createRecapRequest } from "../factories";

const db = createDatabase();
const DAY = 86_400_000;

describe("the daily retention job", () => {
  it("deletes old sign-in attempts, erases sent bodies, IP hashes and user agents past their windows, drops expired unconfirmed requests and images nothing shows", async () => {
    const now = new Date("2026-11-30T03:00:00Z");
    const ago = (days: number) => new Date(now.getTime() - days * DAY);
    await db.loginAttempt.createMany({
      data: [
        { ipHash: "a", email: "vieux@example.org", succeeded: false, createdAt: ago(31) },
        { ipHash: "b", email: "recent@example.org", succeeded: false, createdAt: ago(29) },
      ],
    });
    const event = await createEvent(db);
    const oldComment = await createComment(db, event.id, { createdAt: ago(91), ipHash: "0123456789abcdef0123456789abcdef" });
    await db.comment.update({ where: { id: oldComment.id }, data: { userAgent: "Firefox" } });
    const recentComment = await createComment(db, event.id, { createdAt: ago(10), ipHash: "fedcba9876543210fedcba9876543210" });
    await db.comment.update({ where: { id: recentComment.id }, data: { userAgent: "Safari" } });
    const oldRequest = await createRecapRequest(db, event.id);
    await db.recapRequest.update({ where: { id: oldRequest.id }, data: { consentAt: ago(100), consentIpHash: "aaaa" } });
    const expired = await createRecapRequest(db, event.id, { status: "UNCONFIRMED" });
    await db.recapRequest.update({ where: { id: expired.id }, data: { confirmTokenExpiresAt: ago(1) } });
    const pendingConfirmation = await createRecapRequest(db, event.id, { status: "UNCONFIRMED" });
    await db.recapRequest.update({ where: { id: pendingConfirmation.id }, data: { confirmTokenExpiresAt: new Date(now.getTime() + DAY) } });
    const sentMail = (sentAt: Date, recapRequestId?: string) =>
      createOutboundEmail(db, { textBody: "corps", htmlBody: "<p>corps</p>", status: "SENT", sentAt, recapRequestId });
    const oldMail = await sentMail(ago(31));
    const recentMail = await sentMail(ago(29));
    const expiredConfirmation = await sentMail(ago(8), expired.id);

    // Images: one nothing shows any more (left by a failed save), one a fresh upload being saved, one shown.
    const image = (createdAt: Date) =>
      db.asset.create({ data: { contentType: "image/png", bytes: new Uint8Array([1, 2, 3]), width: 1, height: 1, createdAt } });
    const leftOver = await image(ago(2));
    const fresh = await image(ago(0.1));
    const shown = await image(ago(200));
    await db.event.update({ where: { id: event.id }, data: { coverAssetId: shown.id } });
    // WordPress exports uploaded for an import hold commenters' addresses: kept a day.
    const oldUpload = await db.importUpload.create({ data: { xml: "<rss/>", fileName: "old.xml", createdAt: ago(2) } });
    const freshUpload = await db.importUpload.create({ data: { xml: "<rss/>", fileName: "fresh.xml", createdAt: ago(0.2) } });

    // Scheduled by whichever worker comes first, once a day.
    await schedulePeriodicJobs(db, now);
    await schedulePeriodicJobs(db, now);
    expect(await db.job.count({ where: { kind: "retention" } })).toBe(1);
    await runDueJobs({ db, owner: "test", now: () => now });

    expect((await db.loginAttempt.findMany({ select: { email: true } })).map((row) => row.email)).toEqual(["recent@example.org"]);
    expect(await db.outboundEmail.findUniqueOrThrow({ where: { id: oldMail.id } })).toMatchObject({ textBody: null, htmlBody: null, status: "SENT" });
    expect(await db.outboundEmail.findUniqueOrThrow({ where: { id: recentMail.id } })).toMatchObject({ textBody: "corps" });
    expect(await db.comment.findUniqueOrThrow({ where: { id: oldComment.id } })).toMatchObject({ ipHash: "", userAgent: null });
    expect(await db.comment.findUniqueOrThrow({ where: { id: recentComment.id } })).toMatchObject({
      ipHash: "fedcba9876543210fedcba9876543210",
      userAgent: "Safari",
    });
    expect((await db.recapRequest.findUniqueOrThrow({ where: { id: oldRequest.id } })).consentIpHash).toBe("");
    expect(await db.recapRequest.findUnique({ where: { id: expired.id } })).toBeNull();
    expect(await db.outboundEmail.findUnique({ where: { id: expiredConfirmation.id } })).toBeNull();
    expect(await db.recapRequest.findUnique({ where: { id: pendingConfirmation.id } })).not.toBeNull();
    expect(await db.importUpload.findUnique({ where: { id: oldUpload.id } })).toBeNull();
    expect(await db.importUpload.findUnique({ where: { id: freshUpload.id } })).not.toBeNull();
    expect(await db.asset.findUnique({ where: { id: leftOver.id } })).toBeNull();
    expect(await db.asset.findUnique({ where: { id: fresh.id } })).not.toBeNull();
    expect(await db.asset.findUnique({ where: { id: shown.id } })).not.toBeNull();
    expect(await db.job.findFirstOrThrow({ where: { kind: "retention" }, select: { status: true } })).toEqual({ status: "DONE" });
  });
});
