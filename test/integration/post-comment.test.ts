import { beforeEach, describe, expect, it } from "vitest";
import { createDatabase } from "@/lib/db/client";
import { issueFormToken } from "@/lib/comments/form-token";
import { postComment } from "@/lib/comments/post-comment";
import { requestRecap } from "@/lib/recaps/request-recap";
import { THREADS_PER_PAGE } from "@/lib/comments/load-approved-comment-page";
import { getPublishedEvent } from "@/lib/events/get-event";
import { rejection } from "../rejection";
import { createComment, createEvent, letRateLimitsExpire, trustedBrowser } from "../factories";

const db = createDatabase();
let slug: string;
let eventId: string;
let ipCounter = 0;

beforeEach(async () => {
  const event = await createEvent(db);
  slug = event.slug;
  eventId = event.id;
});

const newIp = () => `198.51.100.${++ipCounter}`;
const input = (overrides: Record<string, unknown> = {}) => ({
  authorName: "Camille",
  authorEmail: `camille-${Math.random().toString(36).slice(2)}@example.org`,
  body: `Merci pour l'atelier ${Math.random()}`,
  ...overrides,
});

const countComments = () => db.comment.count();

describe("posting a comment", () => {
  it("holds a first comment from an unknown e-mail for moderation", async () => {
    const posted = await postComment({ db, eventSlug: slug, input: input(), client: { ip: newIp() } });
    expect(posted.status).toBe("PENDING");
    const event = await getPublishedEvent({ db, slug });
    expect(event?.comments).toEqual([]);
  });

  it("publishes at once a comment from a browser a host trusted for that address", async () => {
    const commenterKey = await trustedBrowser(db, "habitue@example.org");
    const posted = await postComment({
      db,
      eventSlug: slug,
      input: input({ authorEmail: "Habitue@Example.org", body: "Encore merci !" }),
      client: { ip: newIp(), userAgent: "Firefox", commenterKey },
    });
    expect(posted.status).toBe("APPROVED");
    const event = await getPublishedEvent({ db, slug });
    expect(event?.comments.map((comment) => comment.body)).toContain("Encore merci !");
    const stored = await db.comment.findUniqueOrThrow({ where: { id: posted.id } });
    expect(stored.ipHash).toMatch(/^[0-9a-f]{32}$/);
    expect(stored.ipHash).not.toContain("198.51.100");
    expect(stored.userAgent).toBe("Firefox");
  });

  it("shows the author's own pending comment to them only", async () => {
    const posted = await postComment({ db, eventSlug: slug, input: input({ body: "En attente" }), client: { ip: newIp() } });
    const forAuthor = await getPublishedEvent({ db, slug, ownCommentIds: [posted.id] });
    expect(forAuthor?.comments.map((c) => [c.body, c.status])).toEqual([["En attente", "PENDING"]]);
    const forOthers = await getPublishedEvent({ db, slug });
    expect(forOthers?.comments).toEqual([]);
  });

  it("holds a known author's comment with two links", async () => {
    // Known means trusted in this browser: an earlier approved comment alone would hold it as unknown.
    const posted = await postComment({
      db,
      eventSlug: slug,
      input: input({ authorEmail: "liens@example.org", body: "https://a.example et https://b.example" }),
      client: { ip: newIp(), commenterKey: await trustedBrowser(db, "liens@example.org") },
    });
    expect(posted.status).toBe("PENDING");
    const stored = await db.comment.findUniqueOrThrow({ where: { id: posted.id }, select: { moderationReason: true } });
    expect(JSON.parse(stored.moderationReason ?? "null")).toEqual({ code: "links", count: 2 });
  });

  it("stores a comment with a reject word as rejected, never shown", async () => {
    await createComment(db, eventId, { authorEmail: "connu@example.org" });
    const posted = await postComment({
      db,
      eventSlug: slug,
      input: input({ authorEmail: "connu@example.org", body: "Buy followers now" }),
      client: { ip: newIp() },
    });
    expect(posted.status).toBe("REJECTED");
  });

  it("keeps the author's website with the comment, and at most 500 characters of what the browser says it is", async () => {
    const posted = await postComment({
      db,
      eventSlug: slug,
      input: input({ authorUrl: "https://camille.example.org/blog" }),
      client: { ip: newIp(), userAgent: `Mozilla/5.0 ${"x".repeat(2000)}` },
    });
    const stored = await db.comment.findUniqueOrThrow({ where: { id: posted.id } });
    expect(stored.authorUrl).toBe("https://camille.example.org/blog");
    expect(stored.userAgent).toBe(`Mozilla/5.0 ${"x".repeat(488)}`);
    const withoutWebsite = await postComment({ db, eventSlug: slug, input: input(), client: { ip: newIp() } });
    expect((await db.comment.findUniqueOrThrow({ where: { id: withoutWebsite.id } })).authorUrl).toBeNull();
  });

  it("threads a reply under an approved comment", async () => {
    const parent = await createComment(db, eventId, { authorEmail: "parent@example.org" });
    await postComment({
      db,
      eventSlug: slug,
      input: input({ authorEmail: "repondeur@example.org", body: "Je réponds", parentId: parent.id }),
      client: { ip: newIp(), commenterKey: await trustedBrowser(db, "repondeur@example.org") },
    });
    const event = await getPublishedEvent({ db, slug });
    const thread = event?.comments.find((comment) => comment.id === parent.id);
    expect(thread?.replies.map((reply) => reply.body)).toEqual(["Je réponds"]);
  });

  it("attaches a reply to the deepest level shown beside its target, so every approved reply is shown and counted", async () => {
    // A conversation already three replies deep: the deepest level the page shows.
    let parent = await createComment(db, eventId, { authorEmail: "niveau0@example.org", body: "Niveau 0" });
    const chain = [parent];
    for (let depth = 1; depth <= 3; depth++) {
      parent = await createComment(db, eventId, { authorEmail: `niveau${depth}@example.org`, body: `Niveau ${depth}`, parentId: parent.id, depth });
      chain.push(parent);
    }
    const commenterKey = await trustedBrowser(db, "profond@example.org");
    const posted = await postComment({
      db,
      eventSlug: slug,
      input: input({ authorEmail: "profond@example.org", body: "Plus profond", parentId: chain[3].id }),
      client: { ip: newIp(), commenterKey },
    });
    expect(posted.status).toBe("APPROVED");
    expect(await db.comment.findUniqueOrThrow({ where: { id: posted.id }, select: { parentId: true, depth: true } })).toEqual({
      parentId: chain[2].id,
      depth: 3,
    });

    const event = await getPublishedEvent({ db, slug });
    const third = event!.comments.find((comment) => comment.id === chain[0].id)!.replies[0].replies[0];
    expect(third.replies.map((reply) => reply.body)).toEqual(["Niveau 3", "Plus profond"]);
    // Everything counted is shown.
    const shown = (list: NonNullable<typeof event>["comments"]): number => list.reduce((sum, comment) => sum + 1 + shown(comment.replies), 0);
    expect(shown(event!.comments)).toBe(event!.commentCount);
  });

  it("refuses a reply to a comment of another event or not approved, writing nothing", async () => {
    const other = await createEvent(db);
    const foreign = await createComment(db, other.id);
    const pending = await createComment(db, eventId, { status: "PENDING" });
    const before = await countComments();
    for (const parentId of [foreign.id, pending.id, "nonexistent"]) {
      const error = await rejection(postComment({ db, eventSlug: slug, input: input({ parentId }), client: { ip: newIp() } }));
      expect(error).toMatchObject({ code: "INVALID", messageKey: "invalidFields", fieldErrors: { parentId: ["parentInvalid"] } });
    }
    expect(await countComments()).toBe(before);
  });

  it("returns field errors and writes nothing for invalid input", async () => {
    const before = await countComments();
    const error = await rejection(
      postComment({ db, eventSlug: slug, input: { authorName: "", authorEmail: "nope", body: "x".repeat(5001) }, client: { ip: newIp() } }),
    );
    expect(error.code).toBe("INVALID");
    expect(error.fieldErrors).toEqual({ authorName: ["nameRequired"], authorEmail: ["emailInvalid"], body: ["bodyTooLong"] });
    expect(await countComments()).toBe(before);
  });

  it("answers NOT_FOUND for unknown and draft events", async () => {
    const draft = await createEvent(db, { status: "DRAFT" });
    for (const eventSlug of ["no-such-event", draft.slug]) {
      const error = await rejection(postComment({ db, eventSlug, input: input(), client: { ip: newIp() } }));
      expect(error).toMatchObject({ code: "NOT_FOUND", messageKey: "eventNotFound" });
    }
    expect(await db.comment.count({ where: { eventId: draft.id } })).toBe(0);
  });
});

describe("comments asking for the recap", () => {
  it("flags a comment like Martin's and, when asked, requests the recap for its author", async () => {
    const martin = "Y a t’il eu un compte rendu de ce premier webreackfast stp ? Je n’ai malheureusement pas pu m’y rendre…";
    const flagged = await postComment({
      db,
      eventSlug: slug,
      input: input({ authorEmail: "martin@example.net", body: martin, notifyWhenRecapPublished: "on" }),
      client: { ip: newIp() },
      locale: "fr",
    });
    expect(flagged).toMatchObject({ asksForRecap: true, recapRequest: "requested" });
    expect((await db.comment.findUniqueOrThrow({ where: { id: flagged.id } })).asksForRecap).toBe(true);
    const request = await db.recapRequest.findFirstOrThrow({ where: { email: "martin@example.net", eventId } });
    expect(request.status).toBe("UNCONFIRMED");
    expect(await db.outboundEmail.count({ where: { toAddress: "martin@example.net", kind: "recap-request-confirmation" } })).toBe(1);
  });

  it("signs up a client that says yes in any of the ways a form or a JSON client says it, with a confirmation e-mail", async () => {
    for (const [index, yes] of [true, "true", "on"].entries()) {
      const email = `oui-${index}@example.org`;
      const accepted = await postComment({
        db,
        eventSlug: slug,
        input: input({ authorEmail: email, body: `Merci pour la rencontre (${index})`, notifyWhenRecapPublished: yes }),
        client: { ip: newIp() },
      });
      expect(accepted, JSON.stringify(yes)).toMatchObject({ recapRequest: "requested" });
      expect(await db.outboundEmail.count({ where: { toAddress: email, kind: "recap-request-confirmation" } })).toBe(1);
    }
  });

  it("does not flag an ordinary comment, nor request anything unasked", async () => {
    const plain = await postComment({ db, eventSlug: slug, input: input({ body: "Merci, très belle rencontre." }), client: { ip: newIp() } });
    expect(plain).toMatchObject({ asksForRecap: false, recapRequest: "not-requested" });
    const unasked = await postComment({
      db,
      eventSlug: slug,
      input: input({ authorEmail: "sans-case@example.org", body: "Les slides seront-elles partagées ?" }),
      client: { ip: newIp() },
    });
    expect(unasked).toMatchObject({ asksForRecap: true, recapRequest: "not-requested" });
    expect(await db.recapRequest.count({ where: { email: "sans-case@example.org" } })).toBe(0);
    // A client that says no, in any of the ways a form or a JSON client says it, is not signed up either.
    for (const [index, no] of [false, "false", "off", ""].entries()) {
      const email = `non-merci-${index}@example.org`;
      const declined = await postComment({
        db,
        eventSlug: slug,
        input: input({ authorEmail: email, body: `Y a-t-il eu un compte rendu ? (${index})`, notifyWhenRecapPublished: no }),
        client: { ip: newIp() },
      });
      expect(declined, JSON.stringify(no)).toMatchObject({ asksForRecap: true, recapRequest: "not-requested" });
      expect(await db.recapRequest.count({ where: { email } })).toBe(0);
      expect(await db.outboundEmail.count({ where: { toAddress: email } })).toBe(0);
    }
  });

  it("keeps the comment when the recap request it carries is refused (too many from this address), and says so", async () => {
    const ip = newIp();
    for (let index = 0; index < 10; index++) {
      await requestRecap({ db, eventSlug: slug, input: { email: `voisin-${index}@example.org` }, client: { ip }, fallbackLocale: "fr" });
    }
    const posted = await postComment({
      db,
      eventSlug: slug,
      input: input({ authorEmail: "limitee@example.org", body: "Y a-t-il eu un compte rendu ?", notifyWhenRecapPublished: "on" }),
      client: { ip },
      locale: "fr",
    });
    expect(posted).toMatchObject({ status: "PENDING", recapRequest: "refused" });
    expect(await db.comment.count({ where: { id: posted.id } })).toBe(1);
    expect(await db.recapRequest.count({ where: { email: "limitee@example.org" } })).toBe(0);
  });

  it("requests nothing for a comment refused as spam, even with the box ticked", async () => {
    await createComment(db, eventId, { authorEmail: "spammeur@example.org" });
    const refused = await postComment({
      db,
      eventSlug: slug,
      input: input({ authorEmail: "spammeur@example.org", body: "Buy followers, and the recap?", notifyWhenRecapPublished: "on" }),
      client: { ip: newIp() },
      locale: "fr",
    });
    expect(refused).toMatchObject({ status: "REJECTED", recapRequest: "not-requested" });
    expect(await db.recapRequest.count({ where: { email: "spammeur@example.org" } })).toBe(0);
    expect(await db.outboundEmail.count({ where: { toAddress: "spammeur@example.org" } })).toBe(0);
  });
});

describe("abuse defences", () => {
  it("refuses a filled honeypot without writing", async () => {
    const before = await countComments();
    const now = new Date();
    const token = issueFormToken(slug, new Date(now.getTime() - 30_000));
    const error = await rejection(postComment({ db, eventSlug: slug, input: input(), client: { ip: newIp() }, form: { honeypot: "bot", token }, now }));
    expect(error).toMatchObject({ code: "SPAM_SUSPECTED", messageKey: "spamSuspected" });
    expect(await countComments()).toBe(before);
  });

  it("refuses a form sent faster than a person could, one for another event, and one without a valid token", async () => {
    const now = new Date();
    const postWithToken = (token: string) => postComment({ db, eventSlug: slug, input: input(), client: { ip: newIp() }, form: { token }, now });
    const fast = issueFormToken(slug, new Date(now.getTime() - 1000));
    const error = await rejection(postWithToken(fast));
    expect(error).toMatchObject({ code: "SPAM_SUSPECTED", messageKey: "tooFast" });
    const forged = await rejection(postWithToken(`${now.getTime() - 60_000}.forged`));
    expect(forged).toMatchObject({ code: "SPAM_SUSPECTED", messageKey: "formExpired" });
    const otherEvent = await rejection(postWithToken(issueFormToken("une-autre-rencontre", new Date(now.getTime() - 10_000))));
    expect(otherEvent.messageKey).toBe("formExpired");
    const dayOld = await rejection(postWithToken(issueFormToken(slug, new Date(now.getTime() - 86_401_000))));
    expect(dayOld.messageKey).toBe("formExpired");
    const slow = issueFormToken(slug, new Date(now.getTime() - 10_000));
    const accepted = await postWithToken(slow);
    expect(accepted.status).toBe("PENDING");
    // Three seconds (COMMENT_MIN_FILL_SECONDS in the tests) is quick enough.
    const justInTime = await postWithToken(issueFormToken(slug, new Date(now.getTime() - 3000)));
    expect(justInTime.status).toBe("PENDING");
  });

  it("applies flood control per IP and per e-mail for 15 seconds", async () => {
    const ip = newIp();
    await postComment({ db, eventSlug: slug, input: input({ authorEmail: "flood@example.org" }), client: { ip } });
    const sameIp = await rejection(postComment({ db, eventSlug: slug, input: input(), client: { ip } }));
    expect(sameIp.code).toBe("RATE_LIMITED");
    expect(sameIp.messageKey).toBe("floodControl");
    expect(sameIp.retryAfterSeconds).toBeGreaterThan(10);
    expect(sameIp.retryAfterSeconds).toBeLessThanOrEqual(15);
    const sameEmail = await rejection(postComment({ db, eventSlug: slug, input: input({ authorEmail: "flood@example.org" }), client: { ip: newIp() } }));
    expect(sameEmail.code).toBe("RATE_LIMITED");
    await letRateLimitsExpire(db);
    const later = await postComment({ db, eventSlug: slug, input: input(), client: { ip } });
    expect(later.id).toBeTruthy();
  });

  it("allows at most 30 comments an hour per IP, however they are spaced", async () => {
    const ip = newIp();
    const spaced = async () => {
      // Past flood control (15 s) but within the hour: the per-minute and per-hour counts stay.
      await db.rateLimiterFlexible.deleteMany({ where: { key: { startsWith: "commentFlood" } } });
      await db.rateLimiterFlexible.deleteMany({ where: { key: { startsWith: "commentsPerIpPerMinute" } } });
    };
    for (let index = 0; index < 30; index++) {
      await spaced();
      await postComment({ db, eventSlug: slug, input: input(), client: { ip } });
    }
    await spaced();
    const thirtyFirst = await rejection(postComment({ db, eventSlug: slug, input: input(), client: { ip } }));
    expect(thirtyFirst.code).toBe("RATE_LIMITED");
    expect(thirtyFirst.messageKey).toBe("rateLimited");
    expect(thirtyFirst.retryAfterSeconds).toBeGreaterThan(3500);
    expect(await db.comment.count({ where: { eventId } })).toBe(30);
    await letRateLimitsExpire(db);
    const afterAnHour = await postComment({ db, eventSlug: slug, input: input(), client: { ip } });
    expect(afterAnHour.id).toBeTruthy();
  });

  it("allows at most 5 comments a minute per IP", async () => {
    const ip = newIp();
    for (let index = 0; index < 5; index++) {
      await db.rateLimiterFlexible.deleteMany({ where: { key: { startsWith: "commentFlood" } } });
      await postComment({ db, eventSlug: slug, input: input(), client: { ip } });
    }
    await db.rateLimiterFlexible.deleteMany({ where: { key: { startsWith: "commentFlood" } } });
    expect((await rejection(postComment({ db, eventSlug: slug, input: input(), client: { ip } }))).messageKey).toBe("rateLimited");
  });

  it("refuses the same comment twice from the same person as a duplicate", async () => {
    const body = "Y a-t-il eu un compte rendu ?";
    const ip = newIp();
    await postComment({ db, eventSlug: slug, input: input({ authorEmail: "dup@example.org", body }), client: { ip } });
    await letRateLimitsExpire(db);
    const byEmail = await rejection(
      postComment({
        db,
        eventSlug: slug,
        input: input({ authorEmail: "dup@example.org", body: `  y a-t-il eu un   COMPTE rendu ?` }),
        client: { ip: newIp() },
      }),
    );
    expect(byEmail).toMatchObject({ code: "CONFLICT", messageKey: "duplicateComment" });
    const byAddress = await rejection(postComment({ db, eventSlug: slug, input: input({ body }), client: { ip } }));
    expect(byAddress.code).toBe("CONFLICT");
    // Someone else may well ask the same question.
    const other = await postComment({ db, eventSlug: slug, input: input({ body }), client: { ip: newIp() } });
    expect(other.id).toBeTruthy();
  });
});

describe("comment pages", () => {
  it("shows conversations fifty to a page, oldest first, replies with their conversation, and counts them all", async () => {
    const event = await createEvent(db, { title: "Beaucoup de commentaires" });
    const base = Date.UTC(2026, 0, 1);
    const starts: Awaited<ReturnType<typeof createComment>>[] = [];
    // Stored newest first (as an import may store them): the pages follow the dates, not the order of storage.
    for (let index = THREADS_PER_PAGE + 6; index >= 0; index--) {
      starts[index] = await createComment(db, event.id, { body: `Conversation ${index}`, status: "APPROVED", createdAt: new Date(base + index * 60_000) });
    }
    // A reply to the first conversation, written after all of them, stays with it on page 1.
    const reply = await createComment(db, event.id, {
      body: "Réponse tardive",
      status: "APPROVED",
      parentId: starts[0].id,
      createdAt: new Date(base + 10_000_000),
    });
    // An approved reply whose parent was rejected starts a conversation of its own.
    const rejected = await createComment(db, event.id, { body: "Rejeté", status: "REJECTED", createdAt: new Date(base + 11_000_000) });
    const orphan = await createComment(db, event.id, { body: "Orpheline", status: "APPROVED", parentId: rejected.id, createdAt: new Date(base + 12_000_000) });

    const first = (await getPublishedEvent({ db, slug: event.slug }))!;
    expect(first.commentCount).toBe(THREADS_PER_PAGE + 7 + 2);
    expect(first.commentPages).toEqual({ page: 1, pageCount: 2, threadCount: THREADS_PER_PAGE + 8 });
    expect(first.comments.map((comment) => comment.body)).toEqual(starts.slice(0, THREADS_PER_PAGE).map((comment) => comment.body));
    expect(first.comments[0].replies.map((comment) => comment.id)).toEqual([reply.id]);

    const second = (await getPublishedEvent({ db, slug: event.slug, commentPage: 2 }))!;
    expect(second.comments.map((comment) => comment.id)).toEqual([...starts.slice(THREADS_PER_PAGE).map((comment) => comment.id), orphan.id]);
    // Past the end: the last page.
    expect((await getPublishedEvent({ db, slug: event.slug, commentPage: 99 }))!.commentPages.page).toBe(2);

    // A reader's own held comment is shown to them on the last page only.
    const own = await createComment(db, event.id, { body: "Le mien, en attente", status: "PENDING", createdAt: new Date(base + 13_000_000) });
    const lastForAuthor = (await getPublishedEvent({ db, slug: event.slug, commentPage: 2, ownCommentIds: [own.id] }))!;
    expect(lastForAuthor.comments.at(-1)?.id).toBe(own.id);
    const firstForAuthor = (await getPublishedEvent({ db, slug: event.slug, ownCommentIds: [own.id] }))!;
    expect(firstForAuthor.comments.map((comment) => comment.id)).not.toContain(own.id);
  });
});
