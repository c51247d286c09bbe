import { randomBytes } from "node:crypto";
import type { Database, Transaction } from "@/lib/db/client";
import type { Actor } from "./permissions";

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/**
 * Signed-in sessions, one row each. The session cookie (next-auth's JWT) only names the row; every signed-in
 * request (dashboard pages, actions, handlers) checks the row, so signing out, "sign out everywhere" and disabling
 * an account end sessions at once, on every instance.
 */
export async function createSession(db: Database, userId: string, now: Date): Promise<string> {
  const id = randomBytes(24).toString("base64url");
  await db.session.create({ data: { id, userId, createdAt: now, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) }, select: { id: true } });
  return id;
}

/** The signed-in person a session stands for, or null when it was revoked, expired, or the account disabled. */
export async function actorForSession(db: Database, sessionId: string | undefined, now: Date): Promise<Actor | null> {
  if (!sessionId) return null;
  const session = await db.session.findUnique({
    where: { id: sessionId },
    select: { revokedAt: true, expiresAt: true, user: { select: { id: true, role: true, disabledAt: true } } },
  });
  if (!session || session.revokedAt || session.expiresAt <= now || session.user.disabledAt) return null;
  return { id: session.user.id, role: session.user.role };
}

export async function revokeSession(db: Database, sessionId: string, now: Date): Promise<void> {
  await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
}

/** "Sign out everywhere", and what disabling an account does. Returns how many sessions ended. */
export async function revokeAllSessions(db: Database | Transaction, userId: string, now: Date): Promise<number> {
  return (await db.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } })).count;
}
