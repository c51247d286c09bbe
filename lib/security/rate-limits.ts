import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { Database } from "@/lib/db/client";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Every limit of the site, counted by rate-limiter-flexible in the `RateLimiterFlexible` table through the
 * app's Prisma client — one store for SQLite and PostgreSQL, shared by every instance. Each attempt is counted
 * by one atomic database increment (INSERT … ON CONFLICT DO UPDATE), so requests arriving together cannot all
 * slip under a limit, as "count, then insert" let them. See docs/decisions/004-abuse-resistance.md.
 */
export const LIMITS = {
  /** One comment per 15 s from an address, and from an e-mail. */
  commentFloodPerIp: { points: 1, duration: 15 },
  commentFloodPerEmail: { points: 1, duration: 15 },
  commentsPerIpPerMinute: { points: 5, duration: 60 },
  commentsPerIpPerHour: { points: 30, duration: 3600 },
  /** Recap requests: per address (answered 429), per e-mail and event, per e-mail, site-wide (these quietly send nothing). */
  recapRequestsPerIpPerHour: { points: 10, duration: 3600 },
  confirmationPerAddressAndEvent: { points: 1, duration: 86_400 },
  confirmationsPerAddressPerDay: { points: 5, duration: 86_400 },
  confirmationsSiteWidePerHour: { points: env.CONFIRMATION_EMAILS_PER_HOUR, duration: 3600 },
  /** Sign-in: 5 tries per account from one address per 15 minutes, then pauses that double; 100 tries a day per address. */
  signInPerAccountAndIp: { points: 5, duration: 900 },
  signInPauses: { points: 1_000, duration: 86_400 },
  signInPerIp: { points: 100, duration: 86_400 },
} as const;

export type LimitName = keyof typeof LIMITS;

const limiters = new WeakMap<object, Map<LimitName, RateLimiterPrisma>>();

function limiter(db: Database, name: LimitName): RateLimiterPrisma {
  let byName = limiters.get(db);
  if (!byName) {
    byName = new Map();
    limiters.set(db, byName);
  }
  let instance = byName.get(name);
  if (!instance) {
    instance = new RateLimiterPrisma({ storeClient: db, tableName: "rateLimiterFlexible", keyPrefix: name, ...LIMITS[name] });
    byName.set(name, instance);
  }
  return instance;
}

export type LimitOutcome = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Counts one attempt against a limit for `key`: allowed, or how many seconds until it would be. */
export async function consume(db: Database, name: LimitName, key: string): Promise<LimitOutcome> {
  try {
    await limiter(db, name).consume(key);
    return { allowed: true };
  } catch (refusal) {
    if (!(refusal instanceof RateLimiterRes)) throw refusal;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)) };
  }
}

/**
 * Counts one attempt against several limits at once, in one atomic statement (INSERT … ON CONFLICT DO UPDATE …
 * RETURNING, on SQLite and PostgreSQL): every count is taken or none, and attempts arriving together, on any
 * instance, are counted one by one. The rows are rate-limiter-flexible's, with its rules, so `check`, `reset` and
 * `block` see them: key `name:key`; a window starts at the first attempt and lasts the limit's duration; an attempt
 * on an expired row starts a new window; over `points` is refused, and a refused attempt is counted too.
 * Outcomes come in the order of `attempts`. See docs/decisions/004-abuse-resistance.md.
 */
export async function consumeAll(db: Database, attempts: { name: LimitName; key: string }[], now: Date): Promise<LimitOutcome[]> {
  // The limiters themselves are not used here, but each keeps sweeping out rows expired for an hour.
  for (const { name } of attempts) limiter(db, name);
  const rows = attempts
    .map(({ name, key }) => ({ key: `${name}:${key}`, expire: new Date(now.getTime() + LIMITS[name].duration * 1000) }))
    // Rows are locked in key order, the same in every statement: two posters sharing keys cannot deadlock.
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const expired = Prisma.sql`"RateLimiterFlexible"."expire" <= ${now}`;
  const counted = await db.$queryRaw<{ key: string; points: number; expire: Date | null }[]>`
    INSERT INTO "RateLimiterFlexible" ("key", "points", "expire")
    VALUES ${Prisma.join(rows.map((row) => Prisma.sql`(${row.key}, 1, ${row.expire})`))}
    ON CONFLICT ("key") DO UPDATE SET
      "points" = CASE WHEN ${expired} THEN 1 ELSE "RateLimiterFlexible"."points" + 1 END,
      "expire" = CASE WHEN ${expired} THEN excluded."expire" ELSE "RateLimiterFlexible"."expire" END
    RETURNING "key", "points", "expire"`;
  const byKey = new Map(counted.map((row) => [row.key, row]));
  return attempts.map(({ name, key }) => {
    const row = byKey.get(`${name}:${key}`);
    if (!row) throw new Error(`rate limit ${name}: the count was not returned`);
    if (Number(row.points) <= LIMITS[name].points) return { allowed: true };
    const msLeft = row.expire === null ? 0 : new Date(row.expire).getTime() - now.getTime();
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(msLeft / 1000)) };
  });
}

/** Counts one more for `key` and returns how many there are in the current window (a plain counter). */
export async function increment(db: Database, name: LimitName, key: string): Promise<number> {
  try {
    return (await limiter(db, name).consume(key)).consumedPoints;
  } catch (refusal) {
    if (!(refusal instanceof RateLimiterRes)) throw refusal;
    return refusal.consumedPoints;
  }
}

/** Whether `key` is over a limit now, without counting an attempt. */
export async function check(db: Database, name: LimitName, key: string): Promise<LimitOutcome> {
  const state = await limiter(db, name).get(key);
  if (!state || state.consumedPoints <= LIMITS[name].points) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(state.msBeforeNext / 1000)) };
}

/** Refuses `key` under this limit for `seconds` (a pause). */
export async function block(db: Database, name: LimitName, key: string, seconds: number): Promise<void> {
  await limiter(db, name).block(key, seconds);
}

/** Forgets `key`'s count under this limit (e.g. after a successful sign-in). */
export async function reset(db: Database, name: LimitName, key: string): Promise<void> {
  await limiter(db, name).delete(key);
}
