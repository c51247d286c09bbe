import { describe, expect, it } from "vitest";
import { createDatabase } from "@/lib/db/client";
import { getPublishedEvent } from "@/lib/events/get-event";
import { DEMO_EVENT_SLUG, DEMO_RECAP_SLUG, DEMO_UPCOMING_SLUG, seedDemoContent, seedDemoContentOnFirstRun } from "@/lib/seed/demo-content";
import { createComment, createEvent } from "../factories";

const db = createDatabase();

describe("demo content", () => {
  it("holds the Webreakfast with Martin's comment, and an upcoming event", async () => {
    const now = new Date("2026-11-23T12:00:00Z");
    expect(await seedDemoContentOnFirstRun(db, now)).toBe(true);
    const event = await getPublishedEvent({ db, slug: DEMO_EVENT_SLUG });
    expect(event?.hosts).toEqual(["Frédéric Bardeau", "Olivier Blondeau"]);
    expect(event?.venueAddress).toContain("224 rue Saint-Denis");
    expect(event?.startsAt.toISOString()).toBe("2010-09-28T06:00:00.000Z");
    expect(event?.topic).toContain("clickactivism");
    expect(event?.comments).toHaveLength(1);
    expect(event?.comments[0].body).toContain("Y a t’il eu un compte rendu");
    // Hosts see Martin's question flagged, as for any comment asking for the recap.
    expect(await db.comment.findFirst({ where: { authorName: "Martin" }, select: { asksForRecap: true } })).toEqual({ asksForRecap: true });
    const upcoming = await getPublishedEvent({ db, slug: DEMO_UPCOMING_SLUG });
    expect(upcoming!.startsAt.getTime()).toBeGreaterThan(now.getTime());
  });

  it("shows the recap loop in both states: people waiting for the Webreakfast's recap since 2010, and a workshop whose recap is out and was sent", async () => {
    const now = new Date("2026-11-23T12:00:00Z");
    await seedDemoContent(db, now);
    const waiting = (await getPublishedEvent({ db, slug: DEMO_EVENT_SLUG }))!;
    expect(waiting.recap).toBeNull();
    expect(waiting.recapStatus).toMatchObject({ status: "UNANNOUNCED", waiting: 3, sent: 0, waitingSince: new Date("2010-10-04T07:45:00Z") });
    const published = (await getPublishedEvent({ db, slug: DEMO_RECAP_SLUG }))!;
    expect(published.endsAt.getTime()).toBeLessThan(now.getTime());
    expect(published.recap?.body).toContain("Mesurer sans pister");
    expect(published.recap?.links.map((link) => link.kind)).toEqual(["SLIDES", "VIDEO"]);
    expect(published.recapStatus).toMatchObject({ status: "PUBLISHED", waiting: 0, sent: 2 });
    // Seeding again changes nothing.
    await seedDemoContent(db, now);
    expect((await getPublishedEvent({ db, slug: DEMO_EVENT_SLUG }))!.recapStatus.waiting).toBe(3);
  });

  it("seeds only once on start, and `npm run seed` never touches real data", async () => {
    const now = new Date("2026-11-23T12:00:00Z");
    await seedDemoContentOnFirstRun(db, now);
    const demo = await db.event.findUniqueOrThrow({ where: { slug: DEMO_EVENT_SLUG } });
    const readerComment = await createComment(db, demo.id, { body: "Un vrai commentaire" });
    const realEvent = await createEvent(db, { title: "Vraie rencontre" });

    await db.event.delete({ where: { slug: DEMO_UPCOMING_SLUG } });
    expect(await seedDemoContentOnFirstRun(db, now)).toBe(false);
    expect(await db.event.count({ where: { slug: DEMO_UPCOMING_SLUG } })).toBe(0);

    await seedDemoContent(db, now);
    expect(await db.event.count({ where: { slug: DEMO_UPCOMING_SLUG } })).toBe(1);
    expect(await db.comment.findUnique({ where: { id: readerComment.id } })).not.toBeNull();
    expect((await db.event.findUniqueOrThrow({ where: { id: realEvent.id } })).title).toBe("Vraie rencontre");
    expect(await db.comment.count({ where: { eventId: demo.id, authorName: "Martin" } })).toBe(1);
  });
});
