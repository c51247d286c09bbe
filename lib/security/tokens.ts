import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Signed tokens for links and forms: what a token is for (`purpose`), whom it is about (`subject`), when
 * it stops working, and an optional `version` the caller compares with what it stored (so a newer link
 * replaces an older one). Nothing is stored to check one: the signature is keyed with APP_SECRET.
 *
 * Format: base64url("purpose|subject|expiresAtSeconds|version") "." base64url(HMAC-SHA256), nothing else.
 * Parsing is strict: any other character, part or length is refused.
 */
export type TokenPurpose = "recap-confirm" | "recap-manage" | "digest-opt-out" | "comment-form" | "invitation";

export type TokenClaims = { purpose: TokenPurpose; subject: string; expiresAt?: Date | null; version?: string };

const FIELD = /^[A-Za-z0-9_:-]{0,80}$/;
const SHAPE = /^([A-Za-z0-9_-]{8,400})\.([A-Za-z0-9_-]{43})$/;

export function signToken(secret: string, claims: TokenClaims): string {
  const { purpose, subject, version = "" } = claims;
  if (!FIELD.test(subject) || !FIELD.test(version)) throw new Error("token fields must be plain identifiers");
  const expires = claims.expiresAt ? String(Math.floor(claims.expiresAt.getTime() / 1000)) : "0";
  const body = Buffer.from([purpose, subject, expires, version].join("|")).toString("base64url");
  return `${body}.${mac(secret, body)}`;
}

/** The token's subject and version when it is genuine, for this purpose, and not expired; otherwise null. */
export function verifyToken(secret: string, purpose: TokenPurpose, token: unknown, now: Date): { subject: string; version: string } | null {
  if (typeof token !== "string") return null;
  const shape = SHAPE.exec(token);
  if (!shape) return null;
  const [, body, signature] = shape;
  if (!safeEqual(signature, mac(secret, body))) return null;
  const fields = Buffer.from(body, "base64url").toString("utf8").split("|");
  if (fields.length !== 4) return null;
  const [tokenPurpose, subject, expires, version] = fields;
  if (tokenPurpose !== purpose || !subject || !/^\d{1,12}$/.test(expires)) return null;
  if (expires !== "0" && Number(expires) * 1000 <= now.getTime()) return null;
  return { subject, version };
}

/** Whether a token for `purpose` is genuine but expired (to tell the person so rather than "not valid"). */
export function isExpiredToken(secret: string, purpose: TokenPurpose, token: unknown, now: Date): boolean {
  return verifyToken(secret, purpose, token, new Date(0)) !== null && verifyToken(secret, purpose, token, now) === null;
}

function mac(secret: string, body: string): string {
  return keyedHash(secret, `debrief-token-v1|${body}`);
}

/**
 * HMAC-SHA256 of `message` keyed with `secret`: every signature and keyed hash of the project goes through
 * here (tokens, the links e-mailed before tokens, hashed addresses). Callers prefix the message with what
 * it is for, so one value never stands for another.
 */
export function keyedHash(secret: string, message: string, encoding: "base64url" | "hex" = "base64url"): string {
  return createHmac("sha256", secret).update(message).digest(encoding);
}

/** Compares a given signature with the expected one in constant time. */
export function safeEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
