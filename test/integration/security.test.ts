// Part 6: abuse and attack resistance, at the level of the use cases and the JSON API, on both engines.
// Each case is named after the item of the issue it closes.
import { beforeEach, describe, expect, it } from "vitest";
import { POST as commentsRoute } from "@/app/api/events/[slug]/comments/route";
import { POST as recapRequestsRoute } from "@/app/api/events/[slug]/recap-requests/route";
import { authenticate, signInPauseSeconds } from "@/lib/auth/authenticate";
import { actorForSession, createSession, revokeAllSessions, revokeSession } from "@/lib/auth/sessions";
import { COMMENTER_COOKIE, newCommenterKey } from "@/lib/comments/commenter-key";
import { moderateComments } from "@/lib/comments/moderate-comments";
import { postComment } from "@/lib/comments/post-comment";
import { createDatabase } from "@/lib/db/client";
import { MAX_JSON_BYTES } from "@/lib/http/json-request";
import { readMailboxEmail } from "@/lib/notifications/read-mailbox-email";
import { requestRecap } from "@/lib/recaps/request-recap";
import { createUser } from "@/lib/users/create-user";
import { deliverAll } from "../deliver-all";
import { createComment, createEvent, createHost, letRateLimitsExpire } from "../factories";
import { rejection } from "../rejection";
import { smtpForTests } from "../setup/smtp-for-tests";

const db = createDatabase();
// For item 11: what the recipient receives, to compare with what a host is shown.
const { smtp, transport } = await smtpForTests();
let slug: string;
let eventId: string;
let counter = 0;
const ip = () => `203.0.113.${(++counter % 250) + 1}`;
const site = process.env.SITE_URL ?? "http://localhost:3000";

beforeEach(async () => {
  const event = await createEvent(db);
  slug = event.slug;
  eventId = event.id;
});

function apiRequest(path: string, body: unknown, headers: Record<string, string> = {}) {
  return new Request(`${site}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": ip(), ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

describe("2. trust rests on what the poster holds, never on an address", () => {
  it("publishes at once only from the browser whose comment a host approved; the same address elsewhere is held", async () => {
    const host = await createHost(db);
    const martinsBrowser = newCommenterKey();
    const postAsMartin = (authorEmail: string, body: string, commenterKey: string | undefined) =>
      postComment({ db, eventSlug: slug, input: { authorName: "Martin", authorEmail, body }, client: { ip: ip(), commenterKey } });
    const first = await postAsMartin("martin@example.org", "Premier commentaire", martinsBrowser);
    expect(first.status).toBe("PENDING");
    await moderateComments({ db, actor: host, input: { commentIds: [first.id], status: "APPROVED" } });
    await letRateLimitsExpire(db);

    const again = await postAsMartin("martin@example.org", "Deuxième", martinsBrowser);
    expect(again.status).toBe("APPROVED");
    // Someone who only knows Martin's address: held, from another browser or with none.
    for (const commenterKey of [newCommenterKey(), undefined]) {
      await letRateLimitsExpire(db);
      const impostor = await postAsMartin("martin@example.org", `Usurpation ${commenterKey}`, commenterKey);
      expect(impostor.status).toBe("PENDING");
    }
    // Martin's browser with another address is not trusted for it either.
    await letRateLimitsExpire(db);
    const otherAddress = await postAsMartin("autre@example.org", "Autre adresse", martinsBrowser);
    expect(otherAddress.status).toBe("PENDING");
  });

  it("trusts no browser for a comment a host refused, and none at all for a comment posted without a key", async () => {
    const host = await createHost(db);
    const browser = newCommenterKey();
    const post = (authorEmail: string, body: string, commenterKey: string | undefined) =>
      postComment({ db, eventSlug: slug, input: { authorName: "Refusé", authorEmail, body }, client: { ip: ip(), commenterKey } });
    for (const status of ["SPAM", "REJECTED"] as const) {
      await letRateLimitsExpire(db);
      const refused = await post("refuse@example.org", `Refusé comme ${status}`, browser);
      await moderateComments({ db, actor: host, input: { commentIds: [refused.id], status } });
    }
    await letRateLimitsExpire(db);
    expect((await post("refuse@example.org", "Et maintenant ?", browser)).status).toBe("PENDING");

    const trusts = await db.trustedCommenter.count();
    await letRateLimitsExpire(db);
    const keyless = await post("sans-cle@example.org", "Sans cookie", undefined);
    await moderateComments({ db, actor: host, input: { commentIds: [keyless.id], status: "APPROVED" } });
    expect(await db.trustedCommenter.count()).toBe(trusts);
  });

  it("answers the same for a known and an unknown address", async () => {
    await createComment(db, eventId, { authorEmail: "connu@example.org", status: "APPROVED" });
    const known = await commentsRoute(apiRequest(`/api/events/${slug}/comments`, { authorName: "A", authorEmail: "connu@example.org", body: "Bonjour" }), {
      params: Promise.resolve({ slug }),
    });
    const unknown = await commentsRoute(
      apiRequest(`/api/events/${slug}/comments`, { authorName: "B", authorEmail: "inconnu@example.org", body: "Bonjour aussi" }),
      { params: Promise.resolve({ slug }) },
    );
    expect(known.status).toBe(201);
    expect(unknown.status).toBe(201);
    expect((await known.json()).status).toBe("PENDING");
    expect((await unknown.json()).status).toBe("PENDING");
    expect(known.headers.get("set-cookie")).toMatch(new RegExp(`^${COMMENTER_COOKIE}=[A-Za-z0-9_-]{32};.*HttpOnly`, "i"));
  });
});

describe("3. cross-site requests to the JSON API", () => {
  it("refuses text/plain and form bodies (415), and requests from another site (403), writing nothing", async () => {
    const before = await db.comment.count();
    const body = { authorName: "X", authorEmail: "x@example.org", body: "Venu d’ailleurs" };
    const plain = await commentsRoute(apiRequest(`/api/events/${slug}/comments`, JSON.stringify(body), { "content-type": "text/plain" }), {
      params: Promise.resolve({ slug }),
    });
    expect(plain.status).toBe(415);
    const form = await recapRequestsRoute(
      apiRequest(`/api/events/${slug}/recap-requests`, "email=x%40example.org", { "content-type": "application/x-www-form-urlencoded" }),
      { params: Promise.resolve({ slug }) },
    );
    expect(form.status).toBe(415);
    const foreign = await commentsRoute(apiRequest(`/api/events/${slug}/comments`, body, { origin: "https://evil.example" }), {
      params: Promise.resolve({ slug }),
    });
    expect(foreign.status).toBe(403);
    const fetchMetadata = await recapRequestsRoute(
      apiRequest(`/api/events/${slug}/recap-requests`, { email: "x@example.org" }, { "sec-fetch-site": "cross-site" }),
      { params: Promise.resolve({ slug }) },
    );
    expect(fetchMetadata.status).toBe(403);
    expect((await fetchMetadata.json()).error.message).toBe("Cette requête vient d’un autre site : elle est refusée.");
    expect(await db.comment.count()).toBe(before);
    expect(await db.recapRequest.count({ where: { email: "x@example.org" } })).toBe(0);
    // The site itself, and non-browser clients (no Origin), are served.
    const own = await commentsRoute(apiRequest(`/api/events/${slug}/comments`, body, { origin: new URL(site).origin }), { params: Promise.resolve({ slug }) });
    expect(own.status).toBe(201);
  });
});

describe("4. limits that do not race", () => {
  it("four simultaneous comments from one address and e-mail: one accepted, the others 429", async () => {
    const address = ip();
    const results = await Promise.allSettled(
      [1, 2, 3, 4].map((n) =>
        postComment({ db, eventSlug: slug, input: { authorName: "Rafale", authorEmail: "rafale@example.org", body: `Rafale ${n}` }, client: { ip: address } }),
      ),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results.filter((result) => result.status === "rejected")) expect((result as PromiseRejectedResult).reason.code).toBe("RATE_LIMITED");
    expect(await db.comment.count({ where: { authorEmail: "rafale@example.org" } })).toBe(1);
  });

  it("the same comment twice at once: one stored, the other a 409, by the unique key", async () => {
    const results = await Promise.allSettled(
      ["198.51.100.201", "198.51.100.202"].map((address) =>
        postComment({
          db,
          eventSlug: slug,
          input: { authorName: "Double", authorEmail: "double@example.org", body: "Exactement le même" },
          client: { ip: address },
        }),
      ),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    // The second was refused by flood control or by the duplicate key; never stored twice.
    expect(await db.comment.count({ where: { authorEmail: "double@example.org" } })).toBe(1);
  });

  it("six simultaneous recap requests for one address and event: one confirmation e-mail", async () => {
    await Promise.allSettled(
      [1, 2, 3, 4, 5, 6].map(() => requestRecap({ db, eventSlug: slug, input: { email: "presse@example.org" }, client: { ip: ip() }, fallbackLocale: "fr" })),
    );
    expect(await db.outboundEmail.count({ where: { toAddress: "presse@example.org", status: { not: "CANCELLED" } } })).toBe(1);
  });

  it("a burst of password guesses checks no more than the limit against the real hash", async () => {
    await createUser({ db, actor: "system", input: { email: `rafale-${slug}@example.org`, name: "Cible", password: "the real password here" } });
    const address = ip();
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, n) => authenticate({ db, email: `rafale-${slug}@example.org`, password: `guess-${n}`, ip: address })),
    );
    // Only the tries within the limit reached the password check (each leaves a sign-in attempt row).
    expect(await db.loginAttempt.count({ where: { email: `rafale-${slug}@example.org` } })).toBe(5);
    expect(results.filter((result) => result.status === "rejected")).toHaveLength(25);
  });
});

describe("5. nobody can lock the hosts out", () => {
  it("throttles per account and address with growing pauses, while the real host signs in from elsewhere", async () => {
    const email = `hote-verrou-${slug}@example.org`;
    await createUser({ db, actor: "system", input: { email, name: "Hôte", password: "the real password here" } });
    const attacker = ip();
    for (let n = 0; n < 5; n++) expect(await authenticate({ db, email, password: `guess${n}`, ip: attacker })).toBeNull();
    const paused = await rejection(authenticate({ db, email, password: `guess-more`, ip: attacker }));
    expect(paused.code).toBe("RATE_LIMITED");
    expect(paused.retryAfterSeconds).toBeGreaterThan(800);
    // Even the right password waits from the attacker's address…
    expect((await rejection(authenticate({ db, email, password: "the real password here", ip: attacker }))).code).toBe("RATE_LIMITED");
    // …while the real host, from their own address, gets in.
    expect(await authenticate({ db, email, password: "the real password here", ip: ip() })).toMatchObject({ email });
  });

  it("pauses double with each run of failures, up to a day", () => {
    expect([1, 2, 3, 4, 10].map(signInPauseSeconds)).toEqual([900, 1800, 3600, 7200, 86_400]);
  });
});

describe("7. signing out ends the session", () => {
  it("a revoked, expired or disabled session opens nothing; sign out everywhere ends them all", async () => {
    const user = await createUser({ db, actor: "system", input: { email: `sessions-${slug}@example.org`, name: "Hôte", password: "a long enough password" } });
    const now = new Date();
    const [first, second, third] = [await createSession(db, user.id, now), await createSession(db, user.id, now), await createSession(db, user.id, now)];
    expect(await actorForSession(db, first, now)).toEqual({ id: user.id, role: user.role });
    await revokeSession(db, first, now);
    expect(await actorForSession(db, first, now)).toBeNull();
    expect(await actorForSession(db, second, now)).not.toBeNull();
    expect(await actorForSession(db, second, new Date(now.getTime() + 13 * 3600_000))).toBeNull();
    await revokeAllSessions(db, user.id, now);
    expect(await actorForSession(db, second, now)).toBeNull();
    expect(await actorForSession(db, third, now)).toBeNull();
    const fourth = await createSession(db, user.id, now);
    await db.user.update({ where: { id: user.id }, data: { disabledAt: now } });
    expect(await actorForSession(db, fourth, now)).toBeNull();
    expect(await authenticate({ db, email: user.email, password: "a long enough password", ip: ip() })).toBeNull();
    expect(await actorForSession(db, "not-a-session", now)).toBeNull();
  });
});

describe("8. bodies and odd input", () => {
  it("refuses a JSON body over the cap with 413 before reading it all", async () => {
    const big = { authorName: "Gros", authorEmail: "gros@example.org", body: "x".repeat(MAX_JSON_BYTES) };
    const response = await commentsRoute(apiRequest(`/api/events/${slug}/comments`, big), { params: Promise.resolve({ slug }) });
    expect(response.status).toBe(413);
    // Lying about the length changes nothing: the body is counted as it is read.
    const stream = new ReadableStream({
      start(controller) {
        for (let n = 0; n < 200; n++) controller.enqueue(new TextEncoder().encode("x".repeat(1024)));
        controller.close();
      },
    });
    const chunked = await commentsRoute(
      new Request(`${site}/api/events/${slug}/comments`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: stream,
        duplex: "half",
      } as RequestInit),
      { params: Promise.resolve({ slug }) },
    );
    expect(chunked.status).toBe(413);
  });

  it("removes NUL, bidirectional overrides and zero-width characters from names, and NUL from bodies (PostgreSQL refuses it)", async () => {
    const posted = await postComment({
      db,
      eventSlug: slug,
      input: { authorName: "Ma\u200brt\u202ein\u0000", authorEmail: "nul@example.org", body: "Un\u0000 texte \u202eà l’envers\u202c" },
      client: { ip: ip() },
    });
    expect(await db.comment.findUniqueOrThrow({ where: { id: posted.id }, select: { authorName: true, body: true } })).toEqual({
      authorName: "Martin",
      body: "Un texte à l’envers",
    });
    const invisible = await rejection(
      postComment({ db, eventSlug: slug, input: { authorName: "\u200b\u202e", authorEmail: "vide@example.org", body: "x" }, client: { ip: ip() } }),
    );
    expect(invisible.fieldErrors).toEqual({ authorName: ["nameRequired"] });
  });

  it("answers wrong field types and unknown languages with translated messages", async () => {
    const response = await recapRequestsRoute(
      apiRequest(`/api/events/${slug}/recap-requests`, { email: "x@example.org", locale: "tlh", name: 42 }, { "accept-language": "en" }),
      { params: Promise.resolve({ slug }) },
    );
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.fieldErrors.locale).toEqual([{ code: "localeInvalid", message: "Choose a language." }]);
    expect(error.fieldErrors.name[0].message).not.toMatch(/^Invalid|expected/);
    const comment = await commentsRoute(
      apiRequest(`/api/events/${slug}/comments`, { authorName: ["x"], authorEmail: "t@example.org", body: "b", parentId: 12 }),
      { params: Promise.resolve({ slug }) },
    );
    const refused = (await comment.json()).error;
    for (const field of ["authorName", "parentId"]) expect(refused.fieldErrors[field][0].message).not.toMatch(/^Invalid|expected/);
  });
});

describe("11. hosts never see live secrets", () => {
  it("stores no link credential and shows the mailbox redacted, before and after sending", async () => {
    const host = await createHost(db);
    await requestRecap({ db, eventSlug: slug, input: { email: "secret@example.org" }, client: { ip: ip() }, fallbackLocale: "fr" });
    const row = await db.outboundEmail.findFirstOrThrow({ where: { toAddress: "secret@example.org" } });
    expect(JSON.stringify(row)).not.toMatch(/token=[A-Za-z0-9_-]{20}/);
    const beforeSending = await readMailboxEmail({ db, actor: host, id: row.id });
    expect(beforeSending!.textBody).toContain("/recap-requests/confirm?token=[…]");
    await deliverAll({ db, transport });
    const received = smtp.received.find((mail) => mail.to.includes("secret@example.org"))!;
    const token = /confirm\?token=([\w.-]+)/.exec(received.text)![1];
    const stored = await db.outboundEmail.findUniqueOrThrow({ where: { id: row.id } });
    expect(`${stored.textBody}${stored.htmlBody}`).not.toContain(token);
    const afterSending = await readMailboxEmail({ db, actor: host, id: row.id });
    expect(`${afterSending!.textBody}${afterSending!.htmlBody}`).not.toContain(token);
  });
});
