import { createHash, randomBytes } from "node:crypto";

/**
 * A random key kept in the commenter's browser (an HttpOnly cookie). A host approving one of their comments
 * trusts that browser for that e-mail address; knowing someone's address is not enough to post as them.
 */
export const COMMENTER_COOKIE = "debrief_commenter";
export const COMMENTER_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

export function newCommenterKey(): string {
  return randomBytes(24).toString("base64url");
}

/** The key a cookie holds, if it is one of ours (32 base64url characters), else undefined. */
export function parseCommenterKey(value: string | undefined | null): string | undefined {
  return value && /^[A-Za-z0-9_-]{32}$/.test(value) ? value : undefined;
}

/** What is stored of a key on a comment: its hash, never the key. */
export function commenterKeyHash(key: string): string {
  return createHash("sha256").update(`commenter:${key}`).digest("hex");
}

/** The trust a host gave to one browser for one address. */
export function trustId(keyHash: string, email: string): string {
  return createHash("sha256").update(`trust:${keyHash}:${email.toLowerCase()}`).digest("hex");
}

/** The Set-Cookie value that keeps the key in the browser: HttpOnly, for a year, Secure over https. */
export function commenterCookie(key: string, secure: boolean): string {
  return `${COMMENTER_COOKIE}=${key}; Path=/; Max-Age=${COMMENTER_COOKIE_MAX_AGE}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}

/** The key the request's Cookie header holds, if it is one of ours. */
export function commenterKeyFromCookieHeader(cookieHeader: string | null | undefined): string | undefined {
  return parseCommenterKey(new RegExp(`(?:^|;\\s*)${COMMENTER_COOKIE}=([^;]+)`).exec(cookieHeader ?? "")?.[1]);
}
