import { beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/authenticate";
import type { Actor } from "@/lib/auth/permissions";
import { listModerationQueue } from "@/lib/comments/list-moderation-queue";
import { moderateComments } from "@/lib/comments/moderate-comments";
import { createDatabase } from "@/lib/db/client";
import { getPublishedEvent } from "@/lib/events/get-event";
import { listDashboardEvents } from "@/lib/events/list-dashboard-events";
import { saveEvent } from "@/lib/events/save-event";
import { getEventForEditing } from "@/lib/events/get-event-for-editing";
import { getEventCalendar } from "@/lib/feeds/get-event-calendar";
import { listMailbox } from "@/lib/notifications/list-mailbox";
import { readMailboxEmail } from "@/lib/notifications/read-mailbox-email";
import { createUser } from "@/lib/users/create-user";
import { rejection } from "../rejection";
import { createComment, createEvent, createOutboundEmail, createRecapRequest } from "../factories";

const db = createDatabase();
let admin: Actor;
let host: Actor;
let eventId: string;
let slug: string;

beforeAll(async () => {
  const adminUser = await createUser({
    db,
    actor: "system",
    input: { email: "Admin@Example.org", name: "Admin", password: "correct horse battery", role: "ADMIN" },
  });
  admin = { id: adminUser.id, role: adminUser.role };
  const hostUser = await createUser({ db, actor: admin, input: { email: "host@example.org", name: "Hôte", password: "another long password", role: "HOST" } });
  host = { id: hostUser.id, role: hostUser.role };
  const event = await createEvent(db);
  eventId = event.id;
  slug = event.slug;
});

const eventForm = {
  slug: "atelier-vie-privee",
  title: "Atelier vie privée",
  timeZone: "Europe/Paris",
  startsAt: "2026-03-29T01:30",
  endsAt: "2026-03-29T04:00",
  venueName: "Maison des associations",
  venueAddress: "1 rue de la Paix, Paris",
  hostNames: "Alice\n\n  Bob  ",
  summary: "Un atelier.",
  topic: "## Programme",
  language: "fr",
  status: "DRAFT",
};

describe("who may do what", () => {
  // Every dashboard use case, called by an anonymous visitor and by a host lacking the permission.
  const useCases: { name: string; hostAllowed: boolean; call: (actor: Actor | null) => Promise<unknown> }[] = [
    { name: "list the moderation queue", hostAllowed: true, call: (actor) => listModerationQueue({ db, actor, status: "PENDING" }) },
    {
      name: "moderate comments",
      hostAllowed: true,
      call: async (actor) =>
        moderateComments({ db, actor, input: { commentIds: [(await createComment(db, eventId, { status: "PENDING" })).id], status: "APPROVED" } }),
    },
    { name: "see the overview", hostAllowed: true, call: (actor) => listDashboardEvents({ db, actor }) },
    { name: "list the dev mailbox", hostAllowed: true, call: (actor) => listMailbox({ db, actor }) },
    { name: "read a mail in the dev mailbox", hostAllowed: true, call: (actor) => readMailboxEmail({ db, actor, id: "any" }).then(() => true) },
    {
      name: "create an event",
      hostAllowed: true,
      call: (actor) => saveEvent({ db, actor, input: { ...eventForm, slug: `evenement-${Math.random().toString(36).slice(2, 8)}` } }),
    },
    { name: "open an event in the editor", hostAllowed: true, call: (actor) => getEventForEditing({ db, actor, slug }) },
    {
      name: "create a user",
      hostAllowed: false,
      call: (actor) => createUser({ db, actor, input: { email: `x${Math.random()}@example.org`, name: "X", password: "long enough password" } }),
    },
  ];

  it.each(useCases)("an anonymous visitor cannot $name (401, nothing changes)", async ({ call }) => {
    const audit = await db.auditLog.count();
    const users = await db.user.count();
    expect((await rejection(call(null))).code).toBe("UNAUTHORIZED");
    expect(await db.auditLog.count()).toBe(audit);
    expect(await db.user.count()).toBe(users);
  });

  it.each(useCases.filter((useCase) => !useCase.hostAllowed))("a host cannot $name (404, nothing changes)", async ({ call }) => {
    const users = await db.user.count();
    expect((await rejection(call(host))).code).toBe("NOT_FOUND");
    expect(await db.user.count()).toBe(users);
  });

  it.each(useCases)("an admin can $name", async ({ call }) => {
    await expect(call(admin)).resolves.toBeDefined();
  });
});

describe("moderation", () => {
  it("approves a held comment so readers see it, with an audit row naming the host", async () => {
    const held = await createComment(db, eventId, { status: "PENDING", body: "Y a-t-il un compte rendu ?" });
    expect((await getPublishedEvent({ db, slug }))?.comments.map((c) => c.id)).not.toContain(held.id);
    const queue = await listModerationQueue({ db, actor: host, status: "PENDING" });
    expect(queue.comments.map((c) => c.id)).toContain(held.id);
    expect(queue.comments.find((c) => c.id === held.id)?.authorEmail).toMatch(/@example.org$/);

    await moderateComments({ db, actor: host, input: { commentIds: [held.id], status: "APPROVED" } });
    expect((await getPublishedEvent({ db, slug }))?.comments.map((c) => c.id)).toContain(held.id);
    const audit = await db.auditLog.findFirstOrThrow({ where: { targetId: held.id } });
    expect(audit).toMatchObject({ actorId: host.id, action: "comment.moderate", targetType: "Comment" });
    expect(JSON.parse(audit.details)).toEqual({ eventId: held.eventId, from: "PENDING", to: "APPROVED" });
  });

  it("moderates in bulk and writes one audit row per changed comment", async () => {
    const spam = await Promise.all([1, 2, 3].map(() => createComment(db, eventId, { status: "PENDING" })));
    const result = await moderateComments({ db, actor: host, input: { commentIds: spam.map((c) => c.id), status: "SPAM" } });
    expect(result.changed).toBe(3);
    expect(await db.comment.count({ where: { id: { in: spam.map((c) => c.id) }, status: "SPAM" } })).toBe(3);
    const audits = await db.auditLog.findMany({ where: { targetId: { in: spam.map((c) => c.id) }, action: "comment.moderate" } });
    expect(audits.map((audit) => JSON.parse(audit.details))).toEqual(Array(3).fill({ eventId, from: "PENDING", to: "SPAM" }));
    // Doing it again changes nothing and logs nothing.
    expect((await moderateComments({ db, actor: host, input: { commentIds: spam.map((c) => c.id), status: "SPAM" } })).changed).toBe(0);
    expect(await db.auditLog.count({ where: { targetId: { in: spam.map((c) => c.id) } } })).toBe(3);
  });

  it("changes only the comments chosen, and the queue of held comments shows only held ones", async () => {
    const chosen = await createComment(db, eventId, { status: "PENDING", body: "À publier" });
    const other = await createComment(db, eventId, { status: "PENDING", body: "À laisser en attente" });
    const approved = await createComment(db, eventId, { status: "APPROVED", body: "Déjà publié" });
    await moderateComments({ db, actor: host, input: { commentIds: [chosen.id], status: "APPROVED" } });
    expect((await db.comment.findUniqueOrThrow({ where: { id: other.id } })).status).toBe("PENDING");
    const queue = (await listModerationQueue({ db, actor: host, status: "PENDING" })).comments.map((c) => c.id);
    expect(queue).toContain(other.id);
    expect(queue).not.toContain(chosen.id);
    expect(queue).not.toContain(approved.id);
  });

  it("shows hosts the newest held comments first, with their author, website, text, status and event", async () => {
    const older = await createComment(db, eventId, { status: "PENDING", body: "Plus ancien", createdAt: new Date("2026-01-01T09:00:00Z") });
    await db.comment.update({ where: { id: older.id }, data: { authorUrl: "https://ancien.example.org" } });
    const newer = await createComment(db, eventId, {
      status: "PENDING",
      authorName: "Nadia",
      body: "Plus récent",
      createdAt: new Date("2026-01-02T09:00:00Z"),
    });
    const queue = (await listModerationQueue({ db, actor: host, status: "PENDING" })).comments;
    const shown = queue.filter((comment) => [older.id, newer.id].includes(comment.id));
    expect(shown.map((comment) => comment.id)).toEqual([newer.id, older.id]);
    expect(shown[0]).toMatchObject({
      authorName: "Nadia",
      authorEmail: newer.authorEmail,
      authorUrl: null,
      body: "Plus récent",
      status: "PENDING",
      createdAt: new Date("2026-01-02T09:00:00Z"),
      event: { slug, title: expect.any(String), timeZone: "Europe/Paris" },
    });
    expect(shown[1].authorUrl).toBe("https://ancien.example.org");
    const event = await db.event.findUniqueOrThrow({ where: { id: eventId } });
    expect(shown[1].event.title).toBe(event.title);
  });

  it("refuses an empty selection or an unknown status, and says an unknown comment is not found", async () => {
    expect((await rejection(moderateComments({ db, actor: host, input: { commentIds: ["ckzzzzzzzzzzzzzzzzzzzzzzz"], status: "APPROVED" } }))).code).toBe(
      "NOT_FOUND",
    );
    expect((await rejection(moderateComments({ db, actor: host, input: { commentIds: [], status: "APPROVED" } }))).code).toBe("INVALID");
    expect((await rejection(moderateComments({ db, actor: host, input: { commentIds: ["x"], status: "DELETED" } }))).code).toBe("INVALID");
  });

  it("shows the overview with pending comments per event", async () => {
    await createComment(db, eventId, { status: "PENDING" });
    const overview = await listDashboardEvents({ db, actor: host });
    const row = overview.find((event) => event.slug === slug)!;
    expect(row.pendingComments).toBe(await db.comment.count({ where: { eventId, status: "PENDING" } }));
    expect(row.waiting).toBe(0);
  });
});

describe("editing events", () => {
  it("creates a draft, then publishes it, with times in the event's zone (across a DST change) and an audit trail", async () => {
    const created = await saveEvent({ db, actor: host, input: eventForm });
    expect(await getPublishedEvent({ db, slug: created.slug })).toBeNull();
    const stored = await db.event.findUniqueOrThrow({ where: { slug: created.slug } });
    // 01:30 is still winter time (UTC+1) in Paris on 29 March 2026; 04:00 is summer time (UTC+2).
    expect(stored.startsAt.toISOString()).toBe("2026-03-29T00:30:00.000Z");
    expect(stored.endsAt.toISOString()).toBe("2026-03-29T02:00:00.000Z");
    expect(stored.hostNames).toBe("Alice\nBob");

    await saveEvent({ db, actor: host, existingSlug: created.slug, input: { ...eventForm, status: "PUBLISHED", title: "Atelier vie privée (complet)" } });
    expect((await getPublishedEvent({ db, slug: created.slug }))?.title).toBe("Atelier vie privée (complet)");
    const actions = (await db.auditLog.findMany({ where: { targetId: stored.id }, orderBy: { createdAt: "asc" } })).map((row) => row.action);
    expect(actions).toEqual(["event.create", "event.publish"]);
  });

  it("gives field errors and changes nothing for bad input or a slug in use", async () => {
    const before = await db.event.count();
    const error = await rejection(
      saveEvent({ db, actor: host, input: { ...eventForm, slug: "Pas Bon!", timeZone: "Mars/Olympus", endsAt: "2026-03-28T10:00", title: "" } }),
    );
    expect(error.fieldErrors).toMatchObject({ slug: ["slugInvalid"], timeZone: ["timeZoneInvalid"], title: ["titleRequired"] });
    const ends = await rejection(saveEvent({ db, actor: host, input: { ...eventForm, slug: "autre-atelier", endsAt: "2026-03-28T10:00" } }));
    expect(ends.fieldErrors).toEqual({ endsAt: ["endBeforeStart"] });
    const taken = await rejection(saveEvent({ db, actor: host, input: { ...eventForm, slug } }));
    expect(taken.fieldErrors).toEqual({ slug: ["slugTaken"] });
    expect((await rejection(saveEvent({ db, actor: host, existingSlug: "nulle-part", input: { ...eventForm, slug: "nulle-part" } }))).code).toBe("NOT_FOUND");
    expect(await db.event.count()).toBe(before);
  });

  it("dates the event from its first publication, and clears an imported event's 'date to check' once a host saves it", async () => {
    const form = { ...eventForm, slug: "atelier-date-de-publication" };
    await saveEvent({ db, actor: host, input: form });
    const stored = () => db.event.findUniqueOrThrow({ where: { slug: form.slug } });
    expect((await stored()).firstPublishedAt).toBeNull();
    await db.event.update({ where: { slug: form.slug }, data: { dateToCheck: true } });
    await saveEvent({ db, actor: host, existingSlug: form.slug, input: { ...form, status: "PUBLISHED" } });
    const first = (await stored()).firstPublishedAt;
    expect(first).toBeInstanceOf(Date);
    expect((await stored()).dateToCheck).toBe(false);
    // Taken off and published again: still dated from the first time.
    await saveEvent({ db, actor: host, existingSlug: form.slug, input: { ...form, status: "DRAFT" } });
    await saveEvent({ db, actor: host, existingSlug: form.slug, input: { ...form, status: "PUBLISHED" } });
    expect((await stored()).firstPublishedAt).toEqual(first);
    // Created published: dated at once.
    await saveEvent({ db, actor: host, input: { ...form, slug: "atelier-publie-d-emblee", status: "PUBLISHED" } });
    expect((await db.event.findUniqueOrThrow({ where: { slug: "atelier-publie-d-emblee" } })).firstPublishedAt).toBeInstanceOf(Date);
  });

  it("cancels the queued e-mails of an event taken off the site, and only those; an edit that keeps it online cancels none", async () => {
    const form = { ...eventForm, slug: "atelier-retire", status: "PUBLISHED" };
    const saved = await saveEvent({ db, actor: host, input: form });
    const other = await createEvent(db);
    const queuedFor = async (eventId: string) => {
      const request = await createRecapRequest(db, eventId, { status: "UNCONFIRMED", confirmedAt: null });
      return createOutboundEmail(db, { recapRequestId: request.id, toAddress: request.email });
    };
    const mine = await queuedFor(saved.id);
    const theirs = await queuedFor(other.id);
    const statusOf = async (id: string) => (await db.outboundEmail.findUniqueOrThrow({ where: { id } })).status;

    await saveEvent({ db, actor: host, existingSlug: form.slug, input: { ...form, title: "Atelier retiré (nouveau titre)" } });
    expect(await statusOf(mine.id)).toBe("PENDING");
    await saveEvent({ db, actor: host, existingSlug: form.slug, input: { ...form, status: "DRAFT" } });
    expect(await db.outboundEmail.findUniqueOrThrow({ where: { id: mine.id } })).toMatchObject({ status: "CANCELLED", lastError: "event unpublished" });
    expect(await statusOf(theirs.id)).toBe("PENDING");
    const actions = (await db.auditLog.findMany({ where: { targetId: saved.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })).map((row) => [
      row.action,
      row.details,
    ]);
    expect(actions.map(([action]) => action)).toEqual(["event.create", "event.edit", "event.unpublish"]);
    expect(JSON.parse(actions[2][1])).toMatchObject({ status: "DRAFT", cancelledEmails: 1 });
  });

  it("keeps calendars that imported the event up to date: each edit a new version, a withdrawal a cancellation", async () => {
    const form = { ...eventForm, slug: "atelier-agenda" };
    await saveEvent({ db, actor: host, input: form });
    // Never published: no calendar file to add.
    expect(await getEventCalendar({ db, slug: form.slug })).toBeNull();
    await saveEvent({ db, actor: host, existingSlug: form.slug, input: { ...form, status: "PUBLISHED" } });
    expect((await getEventCalendar({ db, slug: form.slug }))!.body).toMatch(/SEQUENCE:1\r\n/);
    await saveEvent({ db, actor: host, existingSlug: form.slug, input: { ...form, status: "PUBLISHED", venueName: "Salle 2" } });
    const moved = (await getEventCalendar({ db, slug: form.slug }))!.body;
    expect(moved).toMatch(/SEQUENCE:2\r\n/);
    expect(moved).toContain("Salle 2");
    // Taken off the site: calendars learn it is off.
    await saveEvent({ db, actor: host, existingSlug: form.slug, input: { ...form, status: "DRAFT" } });
    const withdrawn = (await getEventCalendar({ db, slug: form.slug }))!.body;
    expect(withdrawn).toMatch(/STATUS:CANCELLED/);
    expect(withdrawn).toMatch(/SEQUENCE:3\r\n/);
  });
});

describe("signing in", () => {
  it("accepts the right password, case-insensitively on the e-mail, and stores only an Argon2id hash", async () => {
    const user = await authenticate({ db, email: "ADMIN@example.org", password: "correct horse battery", ip: "198.51.100.50" });
    expect(user).toMatchObject({ id: admin.id, role: "ADMIN" });
    const stored = await db.user.findUniqueOrThrow({ where: { id: admin.id } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it("refuses a wrong password and an unknown account alike", async () => {
    expect(await authenticate({ db, email: "admin@example.org", password: "wrong", ip: "198.51.100.51" })).toBeNull();
    expect(await authenticate({ db, email: "nobody@example.org", password: "wrong", ip: "198.51.100.51" })).toBeNull();
  });

  it("refuses a short password and a duplicate account", async () => {
    const short = await rejection(createUser({ db, actor: admin, input: { email: "court@example.org", name: "Court", password: "short" } }));
    expect(short.fieldErrors).toEqual({ password: ["passwordTooShort"] });
    expect(
      (await rejection(createUser({ db, actor: admin, input: { email: "host@example.org", name: "Again", password: "long enough password" } }))).code,
    ).toBe("CONFLICT");
  });
});
