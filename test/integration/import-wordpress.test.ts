// Importing a WordPress site: the two exports made by a real WordPress 6.1 (../shared/fixtures/wordpress, read in
// place; in CI a missing fixture fails) and the project's own small export, on both engines — events with their
// dates read, comments with their threads and states, old recap questions flagged, twice without duplicates, and
// hostile files refused with nothing half-imported.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { createDatabase } from "@/lib/db/client";
import { deleteEvent } from "@/lib/events/delete-event";
import { getPublishedEvent } from "@/lib/events/get-event";
import { saveEvent } from "@/lib/events/save-event";
import { getImportPreview } from "@/lib/import/get-import-preview";
import { getImportProgress } from "@/lib/import/get-import-progress";
import { importWordPress, previewWordPressImport } from "@/lib/import/import-wordpress";
import { startWordPressImport } from "@/lib/import/start-wordpress-import";
import { uploadWordPressExport } from "@/lib/import/upload-wordpress-export";
import { runDueJobs } from "@/lib/jobs/run-worker";
import { getRecapForEditing } from "@/lib/recaps/get-recap-for-editing";
import { updateSiteSettings } from "@/lib/settings/update-site-settings";
import { createHost } from "../factories";
import { rejection } from "../rejection";

const db = createDatabase();
const shared = path.resolve(process.cwd(), "../shared/fixtures/wordpress");
const fixture = (name: string) => {
  const file = path.join(shared, name);
  if (!existsSync(file)) throw new Error(`Missing fixture ${file}: the tests read WordPress's own exports from ../shared.`);
  return readFileSync(file, "utf8");
};
const small = readFileSync(path.resolve(process.cwd(), "test/fixtures/wordpress-small.wxr.xml"), "utf8");
let host: Actor;

beforeAll(async () => {
  const admin = await createHost(db, { role: "ADMIN" });
  await updateSiteSettings({
    db,
    actor: admin,
    input: { organisationName: "Collectif", accentColor: "#1f5fae", defaultLocale: "fr", timeZone: "Europe/Paris" },
  });
  host = await createHost(db);
});

const eventsFrom = (keyPart: string) =>
  db.event.findMany({ where: { importKey: { contains: keyPart } }, orderBy: { startsAt: "asc" }, include: { comments: { orderBy: { createdAt: "asc" } } } });

describe("importing a real WordPress association site", () => {
  it("events from the chosen category with their dates, places and hosts; comments threaded, held or left behind; recap questions flagged", async () => {
    const xml = fixture("association-site.wxr.xml");
    const preview = await previewWordPressImport({ db, actor: host, xml, options: { categories: ["rencontres"] } });
    expect(preview.events.map((event) => event.title)).toEqual([
      "Atelier : sécuriser les données de vos adhérents",
      "Webinaire : financer son association par le don en ligne",
      "Apéro numérique de rentrée",
    ]);
    expect(preview.skippedPosts).toEqual([
      { title: "Assemblée générale 2024 : compte rendu", reason: "filter" },
      { title: "Brouillon : atelier cartographie", reason: "status" },
      { title: "Mentions légales", reason: "type" },
    ]);
    expect(await db.event.count({ where: { importKey: { not: null } } })).toBe(0);

    const summary = await importWordPress({ db, actor: host, xml, options: { categories: ["rencontres"] } });
    expect(summary.events).toEqual({ created: 3, alreadyImported: 0, deletedHere: 0, dateToCheck: 0, published: 3 });
    expect(summary.comments).toEqual({ approved: 9, pending: 1, alreadyImported: 0, spam: 0, trash: 1, pingbacks: 1, askingForRecap: 5 });

    const [atelier, webinaire, apero] = await eventsFrom(":post:");
    // "Le 14 mars de 18h30 à 20h30", posted in February 2019: 18:30 in Paris.
    expect(atelier).toMatchObject({
      status: "PUBLISHED",
      startsAt: new Date("2019-03-14T17:30:00Z"),
      endsAt: new Date("2019-03-14T19:30:00Z"),
      venueName: "Maison des associations",
      venueAddress: "18 rue Ramponeau, 75020 Paris",
      hostNames: "Claire Dubois\nKarim Benali",
      language: "fr",
    });
    // "Jeudi 3 octobre 2019, 12h–13h, en ligne".
    expect(webinaire).toMatchObject({ startsAt: new Date("2019-10-03T10:00:00Z"), endsAt: new Date("2019-10-03T11:00:00Z"), venueName: "En ligne" });
    // "Le 12 septembre à 19h": the year of the post, two hours long.
    expect(apero).toMatchObject({ startsAt: new Date("2023-09-12T17:00:00Z"), endsAt: new Date("2023-09-12T19:00:00Z"), venueName: "Café des Sports" });
    expect(atelier.topic).toContain("**Le 14 mars de 18h30 à 20h30**");
    expect(atelier.topic).toContain("- Inscription gratuite");
    expect(webinaire.topic).not.toMatch(/<img|wp-content/);

    // Threads and states: the association's answer under Julien's question, Inès's question held; no IP imported.
    const byAuthor = new Map(atelier.comments.map((comment) => [comment.authorName, comment]));
    expect(byAuthor.get("Collectif Numérique Solidaire")).toMatchObject({ parentId: byAuthor.get("Julien Moreau")!.id, depth: 1, status: "APPROVED" });
    expect(byAuthor.get("Inès")).toMatchObject({ status: "PENDING" });
    expect(byAuthor.get("Sophie Garcia")).toMatchObject({ asksForRecap: true, createdAt: new Date("2019-03-16T08:05:00Z") });
    expect(atelier.comments.every((comment) => comment.ipHash === null && comment.userAgent === null)).toBe(true);
    // Addresses are kept for hosts, never shown.
    const page = await getPublishedEvent({ db, slug: atelier.slug });
    expect(JSON.stringify(page)).not.toContain("julien.moreau@example.org");
    expect(page!.comments.length).toBeGreaterThan(0);
    // Hosts see how many old comments asked, and can answer them when the recap is published; nobody was mailed.
    expect((await getRecapForEditing({ db, actor: host, eventSlug: atelier.slug })).unansweredAskers).toBe(2);
    expect(await db.recapRequest.count()).toBe(0);
    expect(await db.outboundEmail.count()).toBe(0);
  });

  it("importing the same file again changes nothing", async () => {
    const xml = fixture("association-site.wxr.xml");
    const before = { events: await db.event.count(), comments: await db.comment.count(), audit: await db.auditLog.count() };
    const summary = await importWordPress({ db, actor: host, xml, options: { categories: ["rencontres"] } });
    expect(summary.events).toMatchObject({ created: 0, alreadyImported: 3 });
    expect(summary.comments).toMatchObject({ approved: 0, pending: 0, alreadyImported: 10 });
    expect({ events: await db.event.count(), comments: await db.comment.count(), audit: await db.auditLog.count() }).toEqual(before);
  });

  it("the seed's event with its 300 comments: the date of the text, the hosts, every comment once, the recap questions flagged", async () => {
    const xml = fixture("webreakfast-300-comments.wxr.xml");
    const first = await importWordPress({ db, actor: host, xml });
    const again = await importWordPress({ db, actor: host, xml });
    expect(first.events).toMatchObject({ created: 1, published: 1 });
    expect(first.comments).toMatchObject({ approved: 300, pending: 0 });
    expect(first.comments.askingForRecap).toBeGreaterThan(0);
    expect(again.comments).toMatchObject({ approved: 0, alreadyImported: 300 });
    const [event] = await db.event.findMany({ where: { title: { startsWith: "Plaidoyer, mobilisation" }, importKey: { not: null } } });
    // "Le 28 septembre de 8h à 10h", posted on 14 September 2010.
    expect(event).toMatchObject({
      startsAt: new Date("2010-09-28T06:00:00Z"),
      endsAt: new Date("2010-09-28T08:00:00Z"),
      hostNames: "Frédéric Bardeau\nOlivier Blondeau",
    });
    expect(await db.comment.count({ where: { eventId: event.id } })).toBe(300);
    expect(await db.comment.count({ where: { eventId: event.id, asksForRecap: true } })).toBe(first.comments.askingForRecap);
  });
});

describe("an imported event a host deleted", () => {
  it("is not brought back, nor its comments and their addresses, by importing the same export again", async () => {
    const xml = fixture("association-site.wxr.xml");
    const apero = await db.event.findFirstOrThrow({ where: { title: "Apéro numérique de rentrée", importKey: { not: null } } });
    await deleteEvent({ db, actor: host, slug: apero.slug, confirmed: true });
    const preview = await previewWordPressImport({ db, actor: host, xml, options: { categories: ["rencontres"] } });
    expect(preview.events.find((event) => event.title === "Apéro numérique de rentrée")).toMatchObject({ deletedHere: true });
    const summary = await importWordPress({ db, actor: host, xml, options: { categories: ["rencontres"] } });
    expect(summary.events).toMatchObject({ created: 0, alreadyImported: 2, deletedHere: 1 });
    expect(await db.event.count({ where: { title: "Apéro numérique de rentrée" } })).toBe(0);
  });
});

describe("the project's own export", () => {
  it("The Events Calendar's dates and venue, an English date in the text, an unreadable date as a draft to check; scripts and shortcodes gone; deep threads kept readable", async () => {
    const summary = await importWordPress({ db, actor: host, xml: small });
    expect(summary.events).toEqual({ created: 4, alreadyImported: 0, deletedHere: 0, dateToCheck: 1, published: 3 });
    // A password-protected post stays private; a post whose own HTML holds a doctype is still read; entities decoded.
    expect(summary.skippedPosts).toEqual([{ title: "Members only: board dinner", reason: "status" }]);
    expect(await db.event.findUniqueOrThrow({ where: { slug: "qa-evening" } })).toMatchObject({
      title: "Q&A evening",
      startsAt: new Date("2023-06-03T17:00:00Z"),
      venueName: "Library",
    });
    expect(summary.comments).toMatchObject({ approved: 5, spam: 1, pingbacks: 1, askingForRecap: 1 });
    const [repair, garden, meeting] = await Promise.all(
      ["repair-cafe", "garden-workday", "annual-meeting"].map((slug) =>
        db.event.findUniqueOrThrow({ where: { slug }, include: { comments: { orderBy: { createdAt: "asc" } } } }),
      ),
    );
    // 10:00 in London in May is 9:00 UTC.
    expect(repair).toMatchObject({
      startsAt: new Date("2022-05-21T09:00:00Z"),
      endsAt: new Date("2022-05-21T11:30:00Z"),
      venueName: "Community Hall",
      venueAddress: "12 High Street, Bristol",
      status: "PUBLISHED",
    });
    expect(repair.topic).not.toMatch(/script|alert|gallery|javascript:/i);
    expect(repair.topic).toContain("[the guide](https://example.org/guide)");
    // "Saturday 21 May, 10am–12:30pm", posted in April 2023, in the site's time zone (Paris).
    expect(garden).toMatchObject({
      startsAt: new Date("2023-05-21T08:00:00Z"),
      endsAt: new Date("2023-05-21T10:30:00Z"),
      venueName: "Allotments",
      hostNames: "Priya\nTom",
      language: "en",
    });
    expect(meeting).toMatchObject({ status: "DRAFT", dateToCheck: true });
    // A host sets the date and saves: no longer to check.
    await saveEvent({
      db,
      actor: host,
      existingSlug: "annual-meeting",
      input: {
        slug: "annual-meeting",
        title: meeting.title,
        timeZone: "Europe/Paris",
        startsAt: "2023-07-01T18:00",
        endsAt: "2023-07-01T20:00",
        venueName: "Hall",
        venueAddress: "",
        hostNames: "",
        summary: meeting.summary,
        topic: meeting.topic,
        language: "en",
        status: "PUBLISHED",
      },
    });
    expect(await db.event.findUniqueOrThrow({ where: { slug: "annual-meeting" } })).toMatchObject({ dateToCheck: false, status: "PUBLISHED" });
    // A website that is no web address is not kept; e-mail addresses are lower-cased like any comment's.
    expect(repair.comments[0]).toMatchObject({ authorName: "Ann", authorUrl: null, authorEmail: "ann@example.org", asksForRecap: true });
    expect(repair.comments.map((comment) => comment.depth)).toEqual([0, 1, 2, 3, 3]);
    expect(repair.comments[4].parentId).toBe(repair.comments[3].parentId);
  });

  it("a hostile or wrong file is refused with a clear message, and nothing is imported", async () => {
    const before = await db.event.count();
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><rss><channel><wp:wxr_version>1.2</wp:wxr_version><title>&lol2;</title></channel></rss>`;
    const external = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><wp:wxr_version>1.2</wp:wxr_version><item><title>&x;</title></item></channel></rss>`;
    const inside = `<?xml version="1.0"?><rss><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">]><channel><wp:wxr_version>1.2</wp:wxr_version><item><wp:post_id>1</wp:post_id><title>&a;&a;</title></item></channel></rss>`;
    for (const xml of [bomb, external, inside, "<html><body>not an export</body></html>", '{"json": true}', "", small.slice(0, small.length / 2)]) {
      const error = await rejection(importWordPress({ db, actor: host, xml }));
      expect(error.messageKey, xml.slice(0, 40)).toBe("importNotWordPress");
    }
    expect((await rejection(importWordPress({ db, actor: host, xml: `${small}${" ".repeat(50 * 1024 * 1024)}` }))).code).toBe("PAYLOAD_TOO_LARGE");
    expect((await rejection(importWordPress({ db, actor: null, xml: small }))).code).toBe("UNAUTHORIZED");
    expect(await db.event.count()).toBe(before);
  });
});

describe("from the dashboard", () => {
  it("upload, preview with the file's categories, import by a worker with its progress, summary; a double click imports once", async () => {
    const xml = fixture("association-site.wxr.xml");
    const { id: uploadId } = await uploadWordPressExport({ db, actor: host, file: new File([xml], "export.xml", { type: "text/xml" }) });
    const preview = await getImportPreview({ db, actor: host, uploadId, options: { tags: ["webinaire"] } });
    expect(preview.terms).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "category", slug: "rencontres", posts: 4 }),
        expect.objectContaining({ kind: "tag", slug: "webinaire", posts: 1 }),
      ]),
    );
    expect(preview.events.map((event) => event.title)).toEqual(["Webinaire : financer son association par le don en ligne"]);

    const first = await startWordPressImport({ db, actor: host, uploadId, options: { tags: ["webinaire"] } });
    const second = await startWordPressImport({ db, actor: host, uploadId, options: { tags: ["webinaire"] } });
    expect(second.jobId).toBe(first.jobId);
    expect(await getImportProgress({ db, actor: host, uploadId, jobId: first.jobId })).toMatchObject({ status: "PENDING", summary: null });
    await runDueJobs({ db, owner: "test" });
    const done = await getImportProgress({ db, actor: host, uploadId, jobId: first.jobId });
    expect(done).toMatchObject({ status: "DONE", progress: 1, total: 1 });
    // Already imported by the first test of this file: nothing new, nothing twice.
    expect(done.summary?.events).toMatchObject({ created: 0, alreadyImported: 1 });
    expect(await db.job.count({ where: { kind: "wordpress-import" } })).toBe(1);
  });

  it("a wrong file is refused at upload with its message, and nothing is kept; readers cannot upload", async () => {
    for (const [content, key] of [
      ["<html></html>", "importNotWordPress"],
      ["", "importFileRequired"],
    ] as const) {
      const error = await rejection(uploadWordPressExport({ db, actor: host, file: new File([content], "x.xml") }));
      expect(error.fieldErrors?.file).toEqual([key]);
    }
    expect(
      (await rejection(uploadWordPressExport({ db, actor: host, file: new File(["x".repeat(5 * 1024 * 1024 + 1)], "big.xml") }))).fieldErrors?.file,
    ).toEqual(["importTooLargeForUpload"]);
    expect((await rejection(uploadWordPressExport({ db, actor: null, file: new File([small], "x.xml") }))).code).toBe("UNAUTHORIZED");
    expect(await db.importUpload.count({ where: { fileName: { not: "export.xml" } } })).toBe(0);
  });
});
