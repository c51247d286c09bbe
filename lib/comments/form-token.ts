import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * A signed timestamp put in the comment form when the page is served, so a submission that
 * arrives faster than a person could type is recognised as a bot without storing anything.
 */
export function issueFormToken(secret: string, now: Date): string {
  const issuedAt = String(now.getTime());
  return `${issuedAt}.${sign(secret, issuedAt)}`;
}

/** Seconds since the token was issued, or null when it is missing, malformed or forged. */
export function formTokenAgeSeconds(secret: string, token: string | undefined | null, now: Date): number | null {
  if (!token) return null;
  const [issuedAt, signature] = token.split(".");
  if (!issuedAt || !signature || !/^\d+$/.test(issuedAt)) return null;
  const expected = Buffer.from(sign(secret, issuedAt));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return (now.getTime() - Number(issuedAt)) / 1000;
}

function sign(secret: string, value: string): string {
  return createHmac("sha256", secret).update(`comment-form:${value}`).digest("base64url");
}
