// What readers and hosts see of events: the home page's two lists, the dashboard's overview, and what the event
// page says about its recap and hosts.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { createDatabase } from "@/lib/db/client";
import { getPublishedEvent } from "@/lib/events/get-event";
import { listDashboardEvents } from "@/lib/events/list-dashboard-events";
import { listEvents } from "@/lib/events/list-events";
import { publishRecap } from "@/lib/recaps/publish-recap";
import { saveRecap } from "@/lib/recaps/save-recap";
import { createComment, createEvent, createHost } from "../factories";

const db = createDatabase();
let host: Actor;

beforeAll(async () => {
  host = await createHost(db);
});

const at = (iso: string) => new Date(iso);

describe("the home page's lists", () => {
  it("shows upcoming events soonest first and past ones most recent first, never drafts, with their approved comments counted", async () => {
    const now = at("2031-06-15T12:00:00Z");
    const tag = `liste-${Date.now()}`;
    const event = (title: string, startsAt: string, endsAt: string, status: "PUBLISHED" | "DRAFT" = "PUBLISHED") =>
      createEvent(db, { slug: `${tag}-${title}`, title, startsAt: at(startsAt), endsAt: at(endsAt), status });
    // Stored in an order that is neither list's.
    const later = await event("plus-tard", "2031-07-01T17:00:00Z", "2031-07-01T19:00:00Z");
    const longAgo = await event("il-y-a-longtemps", "2031-01-10T17:00:00Z", "2031-01-10T19:00:00Z");
    const soon = await event("bientot", "2031-06-20T17:00:00Z", "2031-06-20T19:00:00Z");
    const underWay = await event("en-cours", "2031-06-15T11:00:00Z", "2031-06-15T13:00:00Z");
    const lastMonth = await event("le-mois-dernier", "2031-05-10T17:00:00Z", "2031-05-10T19:00:00Z");
    await event("brouillon-a-venir", "2031-06-18T17:00:00Z", "2031-06-18T19:00:00Z", "DRAFT");
    await event("brouillon-passe", "2031-05-18T17:00:00Z", "2031-05-18T19:00:00Z", "DRAFT");
    await createComment(db, soon.id, { status: "APPROVED" });
    await createComment(db, soon.id, { status: "APPROVED" });
    await createComment(db, soon.id, { status: "PENDING" });
    await createComment(db, soon.id, { status: "SPAM" });

    const { upcoming, past } = await listEvents({ db, now });
    const ours = (list: { slug: string }[]) => list.map((item) => item.slug).filter((slug) => slug.startsWith(tag));
    // An event still under way is upcoming until it ends.
    expect(ours(upcoming)).toEqual([underWay.slug, soon.slug, later.slug]);
    expect(ours(past)).toEqual([lastMonth.slug, longAgo.slug]);
    expect(upcoming.find((item) => item.slug === soon.slug)).toMatchObject({ title: "bientot", commentCount: 2, timeZone: "Europe/Paris" });

    // At most `pastLimit` past events, the most recent.
    const { past: latest } = await listEvents({ db, now, pastLimit: 1 });
    expect(latest).toHaveLength(1);
    expect(latest[0].startsAt.getTime()).toBeGreaterThanOrEqual(lastMonth.startsAt.getTime());
  });
});

describe("the dashboard's overview", () => {
  it("lists every event, drafts included, latest first, with its held comments counted and the recap's status", async () => {
    // Stored oldest first: the overview follows the dates.
    const older = await createEvent(db, { title: "Ancien", startsAt: at("2032-01-01T17:00:00Z"), endsAt: at("2032-01-01T19:00:00Z") });
    const recent = await createEvent(db, { title: "Récent", startsAt: at("2032-02-01T17:00:00Z"), endsAt: at("2032-02-01T19:00:00Z") });
    const draft = await createEvent(db, {
      title: "Brouillon",
      status: "DRAFT",
      startsAt: at("2032-01-15T17:00:00Z"),
      endsAt: at("2032-01-15T19:00:00Z"),
    });
    for (const status of ["PENDING", "PENDING", "APPROVED", "REJECTED", "SPAM"] as const) await createComment(db, recent.id, { status });
    await saveRecap({ db, actor: host, eventSlug: older.slug, input: { body: "Le compte rendu.", links: [] } });
    await publishRecap({ db, actor: host, eventSlug: older.slug });

    const overview = await listDashboardEvents({ db, actor: host });
    const ids = [recent.slug, draft.slug, older.slug];
    expect(overview.map((row) => row.slug).filter((slug) => ids.includes(slug))).toEqual(ids);
    const row = (slug: string) => overview.find((item) => item.slug === slug)!;
    expect(row(recent.slug)).toMatchObject({
      title: "Récent",
      status: "PUBLISHED",
      startsAt: at("2032-02-01T17:00:00Z"),
      endsAt: at("2032-02-01T19:00:00Z"),
      timeZone: "Europe/Paris",
      recapOutlook: "UNANNOUNCED",
      recapExpectedOn: null,
      dateToCheck: false,
      recapStatus: null,
      pendingComments: 2,
    });
    expect(row(draft.slug)).toMatchObject({ title: "Brouillon", status: "DRAFT", pendingComments: 0, recapStatus: null });
    expect(row(older.slug)).toMatchObject({ recapStatus: "PUBLISHED", pendingComments: 0 });
  });
});

describe("the event page's recap status and hosts", () => {
  it("says what hosts expect only while the recap is not out, and lists the hosts as written, one a line", async () => {
    const event = await createEvent(db, {
      hostNames: "  Alice Martin \n\n Bob \n   \nClaire",
      recapOutlook: "EXPECTED",
      recapExpectedOn: "2026-04-01",
    });
    const before = (await getPublishedEvent({ db, slug: event.slug }))!;
    expect(before.hosts).toEqual(["Alice Martin", "Bob", "Claire"]);
    expect(before.recapStatus).toMatchObject({ status: "EXPECTED", expectedOn: "2026-04-01", note: null });
    expect(before.recap).toBeNull();

    const none = await createEvent(db, { recapOutlook: "NOT_PLANNED", recapOutlookNote: "Pas de compte rendu : atelier à huis clos." });
    expect((await getPublishedEvent({ db, slug: none.slug }))!.recapStatus).toMatchObject({
      status: "NOT_PLANNED",
      expectedOn: null,
      note: "Pas de compte rendu : atelier à huis clos.",
    });

    // Published: the recap speaks for itself, with its links in the order the host gave them.
    const links = [
      { kind: "SLIDES", title: "Diapositives", url: "https://example.org/z-diapos" },
      { kind: "VIDEO", title: "Vidéo", url: "https://example.org/a-video" },
    ];
    for (const published of [event, none]) {
      await saveRecap({ db, actor: host, eventSlug: published.slug, input: { body: "Ce qui s'est dit.", links } });
      await publishRecap({ db, actor: host, eventSlug: published.slug });
      const after = (await getPublishedEvent({ db, slug: published.slug }))!;
      expect(after.recapStatus).toMatchObject({ status: "PUBLISHED", expectedOn: null, note: null });
      expect(after.recap?.links.map((link) => link.title)).toEqual(["Diapositives", "Vidéo"]);
      expect(after.recap?.publishedAt).toBeInstanceOf(Date);
    }
  });
});
