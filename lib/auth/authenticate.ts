import type { Database } from "@/lib/db/client";
import { hashIp } from "@/lib/comments/hash";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { block, check, consume, increment, LIMITS, reset } from "@/lib/security/rate-limits";
import type { Actor } from "./permissions";
import { verifyPassword } from "./passwords";

/** The pause after the n-th run of failed tries for one account from one address: 15 min, 30, 60… up to a day. */
export function signInPauseSeconds(pauses: number): number {
  return Math.min(LIMITS.signInPerAccountAndIp.duration * 2 ** Math.max(0, pauses - 1), 86_400);
}

/**
 * Checks an e-mail and password. Every try is counted before the password is checked — atomically, in the
 * database every instance shares — per account *and address* (5 per 15 minutes, then pauses that double)
 * and per address (100 a day, for spraying over many accounts). Someone guessing from elsewhere therefore
 * never locks the real host out, and a burst of guesses gets no more tries than the limit.
 * A successful sign-in clears that account's count from that address.
 */
export async function authenticate(options: {
  db: Database;
  email: string;
  password: string;
  ip: string;
  now?: Date;
}): Promise<(Actor & { email: string; name: string }) | null> {
  const { db, password } = options;
  const email = options.email.trim().toLowerCase();
  const now = options.now ?? new Date();
  const ipHash = hashIp(env.APP_SECRET, options.ip);
  const accountKey = `${email}|${ipHash}`;

  const refuse = (retryAfterSeconds: number) => new AppError("RATE_LIMITED", "tooManySignInAttempts", { retryAfterSeconds });
  const paused = await check(db, "signInPerAccountAndIp", accountKey);
  if (!paused.allowed) throw refuse(paused.retryAfterSeconds);
  const fromAddress = await consume(db, "signInPerIp", ipHash);
  if (!fromAddress.allowed) throw refuse(fromAddress.retryAfterSeconds);
  const forAccount = await consume(db, "signInPerAccountAndIp", accountKey);
  if (!forAccount.allowed) {
    // The first refusal of a run starts a pause, longer each time within a day.
    const seconds = signInPauseSeconds(await increment(db, "signInPauses", accountKey));
    await block(db, "signInPerAccountAndIp", accountKey, seconds);
    throw refuse(seconds);
  }

  const user = await db.user.findUnique({ where: { email }, select: { id: true, role: true, email: true, name: true, passwordHash: true, disabledAt: true } });
  const valid = (await verifyPassword(user?.passwordHash, password)) && !user?.disabledAt;
  await db.loginAttempt.create({ data: { ipHash, email, succeeded: valid, createdAt: now } });
  if (!user || !valid) return null;
  await reset(db, "signInPerAccountAndIp", accountKey);
  return { id: user.id, role: user.role, email: user.email, name: user.name };
}
