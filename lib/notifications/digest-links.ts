import { env } from "@/lib/env";
import { signToken, verifyToken } from "@/lib/security/tokens";

/**
 * The "stop these digests" links in a host's weekly digest: a page with a button, and the RFC 8058
 * one-click address mail clients post to. Built when the digest is sent; valid while the account exists.
 */
export function digestOptOutUrl(userId: string, mode: "page" | "one-click" = "page", siteUrl: string = env.SITE_URL): string {
  const token = signToken(env.APP_SECRET, { purpose: "digest-opt-out", subject: userId });
  return mode === "page" ? `${siteUrl}/digest/opt-out?token=${token}` : `${siteUrl}/api/digest/opt-out?token=${token}`;
}

/** The host an opt-out link stands for, or null. */
export function userIdFromDigestOptOutToken(token: unknown, now: Date): string | null {
  return verifyToken(env.APP_SECRET, "digest-opt-out", token, now)?.subject ?? null;
}
