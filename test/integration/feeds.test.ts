// Readers where they already are: an event's .ics and the site's calendar (parsed back with ical.js, as a
// calendar application would), Atom feeds of events and recaps (parsed back as XML), and the schema.org JSON-LD.
import ICAL from "ical.js";
import { XMLParser } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { createDatabase } from "@/lib/db/client";
import { eventStructuredData, jsonForScript } from "@/lib/events/event-structured-data";
import { saveEvent } from "@/lib/events/save-event";
import { getEventCalendar } from "@/lib/feeds/get-event-calendar";
import { getEventsFeed } from "@/lib/feeds/get-events-feed";
import { getRecapsFeed } from "@/lib/feeds/get-recaps-feed";
import { getSiteCalendar } from "@/lib/feeds/get-site-calendar";
import { publishRecap } from "@/lib/recaps/publish-recap";
import { saveRecap } from "@/lib/recaps/save-recap";
import { unpublishRecap } from "@/lib/recaps/unpublish-recap";
import { getSiteSettings } from "@/lib/settings/site-settings";
import { updateSiteSettings } from "@/lib/settings/update-site-settings";
import { createHost } from "../factories";
import { rejection } from "../rejection";

const db = createDatabase();
let host: Actor;
const hostile = `Atelier </script><script>alert(1)</script> & « café » ]]>`;
const form = {
  slug: "",
  title: "Atelier vie privée",
  timeZone: "Europe/Paris",
  startsAt: "2026-12-10T18:00",
  endsAt: "2026-12-10T20:00",
  venueName: "Maison des associations",
  venueAddress: "1 rue de la Paix, 75001 Paris",
  hostNames: "",
  summary: "Un atelier pour reprendre la main sur ses données.",
  topic: "Le **sujet**.",
  language: "fr",
  status: "PUBLISHED",
};

beforeAll(async () => {
  host = await createHost(db, { role: "ADMIN" });
  await updateSiteSettings({
    db,
    actor: host,
    input: {
      organisationName: "Agir Ensemble",
      description: "Rencontres",
      accentColor: "#2e7d32",
      contactEmail: "",
      defaultLocale: "fr",
      timeZone: "Europe/Paris",
      publicUrl: "https://agir.example.org",
      legalNotice: "",
    },
  });
});

function veventsOf(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents("vevent").map((vevent) => ({
    uid: vevent.getFirstPropertyValue("uid") as string,
    sequence: Number(vevent.getFirstPropertyValue("sequence")),
    status: vevent.getFirstPropertyValue("status") as string,
    summary: vevent.getFirstPropertyValue("summary") as string,
    location: vevent.getFirstPropertyValue("location") as string,
    url: String(vevent.getFirstPropertyValue("url")),
    start: (vevent.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate(),
    end: (vevent.getFirstPropertyValue("dtend") as ICAL.Time).toJSDate(),
  }));
}

describe("calendars", () => {
  it("an event's .ics: the right instant, place and link; one UID; a sequence that grows with edits; CANCELLED once withdrawn", async () => {
    const saved = await saveEvent({ db, actor: host, input: { ...form, slug: "atelier-agenda" } });
    const first = await getEventCalendar({ db, slug: saved.slug });
    expect(first?.filename).toBe("atelier-agenda.ics");
    const [vevent] = veventsOf(first!.body);
    // 18:00 in Paris in December is 17:00 UTC.
    expect(vevent.start.toISOString()).toBe("2026-12-10T17:00:00.000Z");
    expect(vevent.end.toISOString()).toBe("2026-12-10T19:00:00.000Z");
    expect(vevent).toMatchObject({
      summary: "Atelier vie privée",
      location: "Maison des associations, 1 rue de la Paix, 75001 Paris",
      url: "https://agir.example.org/events/atelier-agenda",
      status: "CONFIRMED",
    });
    expect(vevent.uid).toMatch(/@agir\.example\.org$/);

    // Moved to 19:00: same UID, a higher sequence, the new time.
    await saveEvent({
      db,
      actor: host,
      existingSlug: saved.slug,
      input: { ...form, slug: saved.slug, startsAt: "2026-12-10T19:00", endsAt: "2026-12-10T21:00" },
    });
    const [moved] = veventsOf((await getEventCalendar({ db, slug: saved.slug }))!.body);
    expect(moved.uid).toBe(vevent.uid);
    expect(moved.sequence).toBeGreaterThan(vevent.sequence);
    expect(moved.start.toISOString()).toBe("2026-12-10T18:00:00.000Z");

    // Withdrawn, then reworked as a draft: still answered, as cancelled, with a higher sequence still — and nothing
    // of the draft (its new title, place, text, link).
    await saveEvent({
      db,
      actor: host,
      existingSlug: saved.slug,
      input: { ...form, slug: saved.slug, status: "DRAFT", title: "Projet secret", venueName: "Chez Camille", summary: "Brouillon" },
    });
    const body = (await getEventCalendar({ db, slug: saved.slug }))!.body;
    const [cancelled] = veventsOf(body);
    expect(cancelled).toMatchObject({ uid: vevent.uid, status: "CANCELLED", summary: "Rencontre annulée" });
    expect(cancelled.sequence).toBeGreaterThan(moved.sequence);
    expect(body).not.toMatch(/Projet secret|Chez Camille|Brouillon/);
    expect(/BEGIN:VEVENT[\s\S]*END:VEVENT/.exec(body)![0]).not.toMatch(/^(LOCATION|DESCRIPTION|URL)/m);
  });

  it("a summer event carries its summer offset; a draft never published has no calendar; hostile text stays text", async () => {
    const summer = await saveEvent({
      db,
      actor: host,
      input: { ...form, slug: "atelier-ete", title: hostile, startsAt: "2026-07-02T18:00", endsAt: "2026-07-02T19:30" },
    });
    const [vevent] = veventsOf((await getEventCalendar({ db, slug: summer.slug }))!.body);
    expect(vevent.start.toISOString()).toBe("2026-07-02T16:00:00.000Z");
    expect(vevent.summary).toBe(hostile);
    const draft = await saveEvent({ db, actor: host, input: { ...form, slug: "brouillon-secret", status: "DRAFT" } });
    expect(await getEventCalendar({ db, slug: draft.slug })).toBeNull();
  });

  it("the site's calendar: published events and withdrawn ones as CANCELLED; never a draft", async () => {
    const vevents = veventsOf(await getSiteCalendar({ db, now: new Date("2026-11-30T12:00:00Z") }));
    const bySummary = new Map(vevents.map((vevent) => [vevent.summary, vevent]));
    expect(bySummary.get(hostile)?.status).toBe("CONFIRMED");
    const withdrawn = await db.event.findUniqueOrThrow({ where: { slug: "atelier-agenda" } });
    expect(vevents.find((vevent) => vevent.uid.startsWith(`${withdrawn.id}@`))?.status).toBe("CANCELLED");
    expect(vevents.some((vevent) => vevent.url.endsWith("/brouillon-secret"))).toBe(false);
    // One entry per event.
    expect(new Set(vevents.map((vevent) => vevent.uid)).size).toBe(vevents.length);
  });
});

function decodeHtml(html: string): string {
  return html.replace(/&(lt|gt|quot|#39|amp);/g, (_match, name: string) => ({ lt: "<", gt: ">", quot: '"', "#39": "'", amp: "&" })[name]!);
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", processEntities: true, htmlEntities: true });
type AtomEntry = {
  id: string;
  title: string | { "#text": string };
  link: { "@href": string } | { "@href": string }[];
  updated: string;
  published: string;
  content: string | { "#text": string };
  summary?: unknown;
};
function parseAtom(source: string) {
  const parsed = xml.parse(source) as {
    feed: { title: string | { "#text": string }; id: string; link: { "@rel"?: string; "@href": string }[]; updated: string; entry?: AtomEntry | AtomEntry[] };
  };
  const entries = parsed.feed.entry === undefined ? [] : Array.isArray(parsed.feed.entry) ? parsed.feed.entry : [parsed.feed.entry];
  // Titles are type="html": a feed reader decodes them to show the text.
  const text = (value: string | { "#text": string }) => decodeHtml(typeof value === "string" ? value : value["#text"]);
  return {
    feed: parsed.feed,
    title: text(parsed.feed.title),
    entries: entries.map((entry) => ({
      ...entry,
      title: text(entry.title),
      content: text(entry.content),
      href: (Array.isArray(entry.link) ? entry.link[0] : entry.link)["@href"],
    })),
  };
}

describe("Atom feeds", () => {
  it("events: valid Atom with a self link, each published event once with its link and dates, no draft", async () => {
    const atom = parseAtom(await getEventsFeed({ db }));
    expect(atom.title).toContain("Agir Ensemble");
    expect(atom.feed.link).toEqual(
      expect.arrayContaining([expect.objectContaining({ "@rel": "self", "@href": "https://agir.example.org/feeds/events.atom" })]),
    );
    expect(new Date(atom.feed.updated).getTime()).not.toBeNaN();
    const summer = atom.entries.find((entry) => entry.href === "https://agir.example.org/events/atelier-ete")!;
    expect(summer.title).toBe(hostile);
    expect(new Date(summer.published).getTime()).not.toBeNaN();
    expect(summer.content).toContain("<strong>sujet</strong>");
    expect(summer.content).not.toMatch(/<script/i);
    expect(atom.entries.some((entry) => entry.href.endsWith("/brouillon-secret") || entry.href.endsWith("/atelier-agenda"))).toBe(false);
  });

  it("recaps: a published recap appears with its links; withdrawn, it leaves the feed", async () => {
    const event = await saveEvent({ db, actor: host, input: { ...form, slug: "atelier-compte-rendu" } });
    await saveRecap({
      db,
      actor: host,
      eventSlug: event.slug,
      input: {
        body: "Merci ! Le débat sur le **clickactivism** a été vif.",
        links: [{ kind: "SLIDES", title: "Les diapositives", url: "https://example.org/slides.pdf" }],
      },
    });
    expect(parseAtom(await getRecapsFeed({ db })).entries).toHaveLength(0);
    await publishRecap({ db, actor: host, eventSlug: event.slug });
    const [entry] = parseAtom(await getRecapsFeed({ db })).entries;
    expect(entry.title).toBe("Compte rendu : Atelier vie privée");
    expect(entry.href).toBe("https://agir.example.org/events/atelier-compte-rendu#recap");
    expect(entry.content).toContain("<strong>clickactivism</strong>");
    expect(entry.content).toContain('<a href="https://example.org/slides.pdf">Les diapositives</a>');
    await unpublishRecap({ db, actor: host, eventSlug: event.slug });
    expect(parseAtom(await getRecapsFeed({ db })).entries).toHaveLength(0);
  });
});

describe("schema.org JSON-LD", () => {
  it("dates with their offset, the place and address, the organisation, the mode, the recap once published; safe inside a script element", async () => {
    const settings = await getSiteSettings(db);
    const event = {
      slug: "atelier",
      title: hostile,
      summary: "Résumé",
      startsAt: new Date("2026-12-10T17:00:00Z"),
      endsAt: new Date("2026-07-02T16:00:00Z"),
      timeZone: "Europe/Paris",
      venueName: "Maison des associations",
      venueAddress: "1 rue de la Paix\n75001 Paris",
      language: "fr",
      coverAssetId: "cover1",
      recap: null,
    };
    const data = eventStructuredData(event, settings, "Le compte rendu");
    expect(data).toMatchObject({
      "@context": "https://schema.org",
      "@type": "Event",
      name: hostile,
      startDate: "2026-12-10T18:00:00+01:00",
      endDate: "2026-07-02T18:00:00+02:00",
      eventStatus: "https://schema.org/EventScheduled",
      eventAttendanceMode: "https://schema.org/OfflineEventAttendanceMode",
      location: { "@type": "Place", name: "Maison des associations", address: { "@type": "PostalAddress", streetAddress: "1 rue de la Paix, 75001 Paris" } },
      organizer: { "@type": "Organization", name: "Agir Ensemble", url: "https://agir.example.org/" },
      image: ["https://agir.example.org/assets/cover1"],
    });
    expect(data).not.toHaveProperty("recordedIn");
    const withRecap = eventStructuredData({ ...event, recap: { publishedAt: new Date("2026-12-12T09:00:00Z") } }, settings, "Le compte rendu");
    expect(withRecap.recordedIn).toMatchObject({
      "@type": "CreativeWork",
      url: "https://agir.example.org/events/atelier#recap",
      datePublished: "2026-12-12T09:00:00.000Z",
    });
    const online = eventStructuredData({ ...event, venueName: "En ligne (Jitsi)", venueAddress: "" }, settings, "Le compte rendu");
    expect(online).toMatchObject({ eventAttendanceMode: "https://schema.org/OnlineEventAttendanceMode", location: { "@type": "VirtualLocation" } });

    const inScript = jsonForScript(data);
    expect(inScript).not.toMatch(/<\/script|<!--|]]>/i);
    expect(JSON.parse(inScript)).toEqual(data);
  });

  it("an unknown event's calendar is not found, and nobody but hosts edits events", async () => {
    expect(await getEventCalendar({ db, slug: "nope" })).toBeNull();
    expect((await rejection(saveEvent({ db, actor: null, input: form }))).code).toBe("UNAUTHORIZED");
  });
});
