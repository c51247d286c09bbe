import { createHash, randomBytes } from "node:crypto";
import type { Database } from "@/lib/db/client";

export const SETUP_TOKEN_KEY = "setup_token_hash";

export function hashSetupToken(token: string): string {
  return createHash("sha256").update(`setup:${token}`).digest("hex");
}

/**
 * While no account exists, `npm start` makes a one-time setup token (only its hash is kept) and prints the link
 * to /setup. Each start replaces the previous one. Returns null once any account exists.
 */
export async function issueSetupToken(db: Database): Promise<string | null> {
  if ((await db.user.count()) > 0) return null;
  const token = randomBytes(24).toString("base64url");
  const value = hashSetupToken(token);
  await db.setting.upsert({ where: { key: SETUP_TOKEN_KEY }, create: { key: SETUP_TOKEN_KEY, value }, update: { value }, select: { key: true } });
  return token;
}
