import type { Database } from "@/lib/db/client";
import { hashIp } from "@/lib/comments/hash";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Actor } from "./permissions";
import { verifyPassword } from "./passwords";

export const LOGIN_LIMITS = { windowMinutes: 15, failuresPerIp: 20, failuresPerAccount: 5 } as const;

/**
 * Checks an e-mail and password. Failed attempts are counted in the database (so every instance
 * sees them) per address and per account; past the limits, even a right password is refused for a while.
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
  const since = new Date(now.getTime() - LOGIN_LIMITS.windowMinutes * 60_000);

  const [ipFailures, accountFailures] = await Promise.all([
    db.loginAttempt.count({ where: { ipHash, succeeded: false, createdAt: { gt: since } } }),
    db.loginAttempt.count({ where: { email, succeeded: false, createdAt: { gt: since } } }),
  ]);
  if (ipFailures >= LOGIN_LIMITS.failuresPerIp || accountFailures >= LOGIN_LIMITS.failuresPerAccount) {
    throw new AppError("RATE_LIMITED", "tooManySignInAttempts", { retryAfterSeconds: LOGIN_LIMITS.windowMinutes * 60 });
  }

  const user = await db.user.findUnique({ where: { email }, select: { id: true, role: true, email: true, name: true, passwordHash: true } });
  const valid = await verifyPassword(user?.passwordHash, password);
  await db.loginAttempt.create({ data: { ipHash, email, succeeded: valid, createdAt: now } });
  if (!user || !valid) return null;
  return { id: user.id, role: user.role, email: user.email, name: user.name };
}
