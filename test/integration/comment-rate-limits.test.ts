// The comment limits, all counted in one statement (consumeAll, lib/security/rate-limits.ts), on both engines:
// exact when attempts arrive together on two instances, windows that reset when they expire (time passed in),
// each limit's 429 and message, and rows that rate-limiter-flexible's check, reset and block still read.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { POST as commentsRoute } from "@/app/api/events/[slug]/comments/route";
import { hashIp } from "@/lib/comments/hash";
import { postComment } from "@/lib/comments/post-comment";
import { createDatabase } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { ErrorKey } from "@/lib/errors";
import { translatorFor } from "@/lib/i18n/messages";
import { block, check, consumeAll, LIMITS, type LimitName, reset } from "@/lib/security/rate-limits";
import { createEvent } from "../factories";
import { rejection } from "../rejection";

const db = createDatabase();
// Another client: its own connection (SQLite) or pool (PostgreSQL), as another instance of the site.
const otherInstance = createDatabase();
afterAll(() => otherInstance.$disconnect());

let slug: string;
let counter = 0;
const unique = () => `${process.pid}-${++counter}-${Math.random().toString(36).slice(2, 8)}`;
const newIp = () => `192.0.2.${(++counter % 250) + 1}-${unique()}`;
const input = (overrides: Record<string, unknown> = {}) => ({
  authorName: "Noé",
  authorEmail: `noe-${unique()}@example.org`,
  body: `Merci ${unique()}`,
  ...overrides,
});
const later = (start: Date, seconds: number) => new Date(start.getTime() + seconds * 1000);
const points = async (name: LimitName, key: string) => (await db.rateLimiterFlexible.findUnique({ where: { key: `${name}:${key}` } }))?.points;

beforeEach(async () => {
  slug = (await createEvent(db)).slug;
});

describe("all comment limits in one statement", () => {
  it("counts 20 attempts arriving together on two instances exactly: as many allowed as the limit, every one counted", async () => {
    const key = unique();
    const now = new Date();
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        consumeAll(
          n % 2 ? db : otherInstance,
          [
            { name: "commentsPerIpPerMinute", key },
            { name: "commentsPerIpPerHour", key },
          ],
          now,
        ),
      ),
    );
    expect(outcomes.filter(([minute]) => minute.allowed)).toHaveLength(LIMITS.commentsPerIpPerMinute.points);
    expect(outcomes.filter(([, hour]) => hour.allowed)).toHaveLength(20);
    expect(await points("commentsPerIpPerMinute", key)).toBe(20);
    expect(await points("commentsPerIpPerHour", key)).toBe(20);
  });

  it("20 comments at once from one address, on two instances: one stored, 19 refused, each limit counted 20 times", async () => {
    const ip = newIp();
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, n) => postComment({ db: n % 2 ? db : otherInstance, eventSlug: slug, input: input(), client: { ip } })),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    // Refused by flood control, and from the sixth on by the minute's limit too: the longer wait is answered.
    const refusals = results.flatMap((result) => (result.status === "rejected" ? [result.reason as { code: string; messageKey: string }] : []));
    expect(refusals.filter((refusal) => refusal.code === "RATE_LIMITED" && refusal.messageKey === "floodControl")).toHaveLength(
      LIMITS.commentsPerIpPerMinute.points - 1,
    );
    expect(refusals.filter((refusal) => refusal.code === "RATE_LIMITED" && refusal.messageKey === "rateLimited")).toHaveLength(
      20 - LIMITS.commentsPerIpPerMinute.points,
    );
    const ipHash = hashIp(env.APP_SECRET, ip);
    expect(await db.comment.count({ where: { ipHash } })).toBe(1);
    for (const name of ["commentFloodPerIp", "commentsPerIpPerMinute", "commentsPerIpPerHour"] as const) expect(await points(name, ipHash)).toBe(20);
  });

  it("starts a new window once the last one has expired, not a moment before", async () => {
    const key = unique();
    const start = new Date();
    const flood = (at: Date) => consumeAll(db, [{ name: "commentFloodPerIp", key }], at).then(([outcome]) => outcome);
    expect(await flood(start)).toEqual({ allowed: true });
    expect(await flood(later(start, 14.999))).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(await flood(later(start, 15))).toEqual({ allowed: true });
    expect(await points("commentFloodPerIp", key)).toBe(1);
    // The new window runs from its first attempt.
    expect(await flood(later(start, 16))).toEqual({ allowed: false, retryAfterSeconds: 14 });
  });

  it("allows 30 comments an hour from an address, spaced as a person would, then the 31st once the hour has passed", async () => {
    const ip = newIp();
    const start = new Date();
    // Two minutes apart: past flood control and the minute's window each time.
    for (let n = 0; n < 30; n++) await postComment({ db, eventSlug: slug, input: input(), client: { ip }, now: later(start, n * 120) });
    const early = await rejection(postComment({ db, eventSlug: slug, input: input(), client: { ip }, now: later(start, 3599) }));
    expect(early).toMatchObject({ code: "RATE_LIMITED", messageKey: "rateLimited", retryAfterSeconds: 1 });
    // The refused attempt was counted by flood control too: 15 s after it, the hour has passed.
    const onTime = await postComment({ db, eventSlug: slug, input: input(), client: { ip }, now: later(start, 3614) });
    expect(onTime.id).toBeTruthy();
    expect(await db.comment.count({ where: { ipHash: hashIp(env.APP_SECRET, ip) } })).toBe(31);
  });

  it("stays readable by rate-limiter-flexible: check, reset and block work on the rows it counts", async () => {
    const key = unique();
    await consumeAll(db, [{ name: "commentFloodPerIp", key }], new Date());
    expect(await check(db, "commentFloodPerIp", key)).toEqual({ allowed: true });
    await consumeAll(db, [{ name: "commentFloodPerIp", key }], new Date());
    expect((await check(db, "commentFloodPerIp", key)).allowed).toBe(false);
    await reset(db, "commentFloodPerIp", key);
    expect(await check(db, "commentFloodPerIp", key)).toEqual({ allowed: true });
    await block(db, "commentFloodPerIp", key, 600);
    const [blocked] = await consumeAll(db, [{ name: "commentFloodPerIp", key }], new Date());
    expect(blocked.allowed).toBe(false);
    expect(!blocked.allowed && blocked.retryAfterSeconds).toBeGreaterThan(590);
  });
});

describe("each comment limit answers 429 with its message", () => {
  const t = translatorFor("fr", "errors");
  const post = (ip: string, body: Record<string, unknown>) =>
    commentsRoute(
      new Request(`http://localhost/api/events/${slug}/comments`, {
        method: "POST",
        headers: { "content-type": "application/json", "accept-language": "fr", "x-forwarded-for": ip },
        body: JSON.stringify(body),
      }),
      { params: Promise.resolve({ slug }) },
    );
  /** As if `name` had already been reached for `key`, its window started now. */
  const reached = (name: LimitName, key: string) =>
    db.rateLimiterFlexible.create({ data: { key: `${name}:${key}`, points: LIMITS[name].points, expire: later(new Date(), LIMITS[name].duration) } });

  const cases: [LimitName, "ip" | "email", ErrorKey][] = [
    ["commentFloodPerIp", "ip", "floodControl"],
    ["commentFloodPerEmail", "email", "floodControl"],
    ["commentsPerIpPerMinute", "ip", "rateLimited"],
    ["commentsPerIpPerHour", "ip", "rateLimited"],
  ];
  for (const [name, keyedBy, messageKey] of cases) {
    it(`${name}: 429, Retry-After within its window, "${messageKey}", nothing stored`, async () => {
      const ip = newIp();
      const comment = input();
      await reached(name, keyedBy === "ip" ? hashIp(env.APP_SECRET, ip) : comment.authorEmail);
      const response = await post(ip, comment);
      expect(response.status).toBe(429);
      const retryAfter = Number(response.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThan(LIMITS[name].duration - 5);
      expect(retryAfter).toBeLessThanOrEqual(LIMITS[name].duration);
      expect((await response.json()).error).toMatchObject({ code: "RATE_LIMITED", message: t(messageKey), retryAfterSeconds: retryAfter });
      expect(await db.comment.count({ where: { authorEmail: comment.authorEmail } })).toBe(0);
    });
  }

  it("answers with the longest wait when several limits are reached", async () => {
    const ip = newIp();
    const ipHash = hashIp(env.APP_SECRET, ip);
    await reached("commentFloodPerIp", ipHash);
    await reached("commentsPerIpPerHour", ipHash);
    const response = await post(ip, input());
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(3500);
    expect((await response.json()).error.message).toBe(t("rateLimited"));
  });

  it("answers with the longest wait whichever limit is checked last: a minute's limit ending sooner does not hide the flood's", async () => {
    const ip = newIp();
    const ipHash = hashIp(env.APP_SECRET, ip);
    await reached("commentFloodPerIp", ipHash);
    // This address's minute is nearly over: 5 s left.
    await db.rateLimiterFlexible.create({
      data: { key: `commentsPerIpPerMinute:${ipHash}`, points: LIMITS.commentsPerIpPerMinute.points, expire: later(new Date(), 5) },
    });
    const response = await post(ip, input());
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(10);
    expect((await response.json()).error.message).toBe(t("floodControl"));
  });
});
