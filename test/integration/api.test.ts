import { describe, expect, it } from "vitest";
import { GET as listEventsRoute } from "@/app/api/events/route";
import { GET as getEventRoute } from "@/app/api/events/[slug]/route";
import { POST as postCommentRoute } from "@/app/api/events/[slug]/comments/route";
import { GET as healthRoute } from "@/app/api/health/route";
import { db } from "@/lib/db/client";
import { createComment, createEvent, letRateLimitsExpire } from "../factories";

const params = (slug: string) => ({ params: Promise.resolve({ slug }) });
let ipCounter = 0;

function postJson(slug: string, body: unknown, headers: Record<string, string> = {}) {
  const request = new Request(`http://localhost/api/events/${slug}/comments`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": `203.0.113.${++ipCounter}`, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return postCommentRoute(request, params(slug));
}

describe("JSON API", () => {
  it("GET /api/events lists published events only, upcoming first", async () => {
    const upcoming = await createEvent(db, { startsAt: new Date(Date.now() + 86_400_000), endsAt: new Date(Date.now() + 90_000_000) });
    const past = await createEvent(db);
    const draft = await createEvent(db, { status: "DRAFT" });
    const response = await listEventsRoute(new Request("http://localhost/api/events"));
    expect(response.status).toBe(200);
    const body = await response.json();
    const slugs = (list: { slug: string }[]) => list.map((event) => event.slug);
    expect(slugs(body.upcoming)).toContain(upcoming.slug);
    expect(slugs(body.past)).toContain(past.slug);
    expect([...slugs(body.upcoming), ...slugs(body.past)]).not.toContain(draft.slug);
  });

  it("GET /api/events/{slug} returns the event and approved comments, never e-mails", async () => {
    const event = await createEvent(db);
    await createComment(db, event.id, { authorEmail: "secret@example.org", body: "Visible" });
    await createComment(db, event.id, { status: "PENDING", body: "Caché" });
    const response = await getEventRoute(new Request("http://localhost"), params(event.slug));
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain("secret@example.org");
    expect(text).not.toContain("ipHash");
    const body = JSON.parse(text);
    expect(body.event.title).toBe(event.title);
    expect(body.event.hosts).toEqual(["Alice", "Bob"]);
    expect(body.event.comments.map((comment: { body: string }) => comment.body)).toEqual(["Visible"]);
  });

  it("GET /api/events/{slug} is 404 for unknown and draft events", async () => {
    const draft = await createEvent(db, { status: "DRAFT" });
    for (const slug of ["nope", draft.slug]) {
      const response = await getEventRoute(new Request("http://localhost"), params(slug));
      expect(response.status).toBe(404);
    }
  });

  it("POST comments → 201 with id and status", async () => {
    const event = await createEvent(db);
    const response = await postJson(event.slug, { authorName: "Martin", authorEmail: "martin@example.net", body: "Un compte rendu ?" });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toEqual({ id: expect.any(String), status: "PENDING", asksForRecap: true, recapRequest: "not-requested", recapPublished: false });
    expect(await db.comment.count({ where: { id: body.id, eventId: event.id } })).toBe(1);
  });

  it("POST comments → 400 with localised field errors, nothing written", async () => {
    const event = await createEvent(db);
    const fr = await postJson(event.slug, { authorName: "", authorEmail: "x", body: "" });
    expect(fr.status).toBe(400);
    const frBody = await fr.json();
    expect(frBody.error.code).toBe("INVALID");
    expect(frBody.error.fieldErrors.authorEmail).toEqual([{ code: "emailInvalid", message: "Cette adresse e-mail n’est pas valide." }]);
    const en = await postJson(event.slug, { authorName: "A", authorEmail: "x", body: "b" }, { "accept-language": "en-US,en;q=0.9" });
    expect((await en.json()).error.fieldErrors.authorEmail[0].message).toBe("This e-mail address is not valid.");
    const malformed = await postJson(event.slug, "{not json");
    expect(malformed.status).toBe(400);
    expect(await db.comment.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("POST comments → 404 for unknown or draft events", async () => {
    const draft = await createEvent(db, { status: "DRAFT" });
    for (const slug of ["nope", draft.slug]) {
      const response = await postJson(slug, { authorName: "A", authorEmail: "a@example.org", body: "b" });
      expect(response.status).toBe(404);
    }
  });

  it("POST comments → 409 for a duplicate and 429 with Retry-After when flooding", async () => {
    const event = await createEvent(db);
    const comment = { authorName: "A", authorEmail: "flood-api@example.org", body: "Même texte" };
    expect((await postJson(event.slug, comment, { "x-forwarded-for": "192.0.2.7" })).status).toBe(201);
    const flood = await postJson(event.slug, { ...comment, body: "Autre texte" }, { "x-forwarded-for": "192.0.2.7" });
    expect(flood.status).toBe(429);
    expect(Number(flood.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(flood.headers.get("retry-after"))).toBeLessThanOrEqual(15);
    // Duplicate check comes after flood control; as if the flood window had passed.
    await letRateLimitsExpire(db);
    const duplicate = await postJson(event.slug, comment);
    expect(duplicate.status).toBe(409);
    expect(await db.comment.count({ where: { eventId: event.id } })).toBe(1);
  });

  it("GET /api/health reports the database up and migrations applied", async () => {
    const response = await healthRoute();
    expect(response.status).toBe(200);
    // No worker has run against this database: reported, but the web instance itself is healthy.
    expect(await response.json()).toEqual({ ok: true, database: "up", pendingMigrations: [], worker: "none", workerLastBeatAt: null, overdueEmails: 0 });
  });
});
