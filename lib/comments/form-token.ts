import { env } from "@/lib/env";
import { signToken, verifyToken } from "@/lib/security/tokens";

/**
 * The comment form's token: when the page was served and for which event, signed, valid a day. It travels in a
 * cookie set with every response of the event page — cached or rendered — so each page view gets a fresh one,
 * and a submission faster than a person could type is recognised as a bot without storing anything.
 */
export const FORM_TOKEN_COOKIE = "debrief_form";
export const FORM_TOKEN_VALIDITY_SECONDS = 86_400;

export function issueFormToken(eventSlug: string, now: Date): string {
  return signToken(env.APP_SECRET, {
    purpose: "comment-form",
    subject: eventSlug,
    expiresAt: new Date(now.getTime() + FORM_TOKEN_VALIDITY_SECONDS * 1000),
    version: String(now.getTime()),
  });
}

let lastCookie: { eventSlug: string; nowMs: number; secure: boolean; cookie: string } | null = null;

/**
 * The Set-Cookie header value carrying a fresh form token for an event page (scoped to that page's path), issued
 * `nowMs`. The token is the same for every view of a page in one millisecond: the last one is reused (on a busy
 * page, its signature was most of what serving a cached view cost).
 */
export function formTokenCookie(eventSlug: string, nowMs: number, secure: boolean): string {
  if (lastCookie?.nowMs === nowMs && lastCookie.eventSlug === eventSlug && lastCookie.secure === secure) return lastCookie.cookie;
  const cookie = `${FORM_TOKEN_COOKIE}=${issueFormToken(eventSlug, new Date(nowMs))}; Path=/events/${eventSlug}; Max-Age=${FORM_TOKEN_VALIDITY_SECONDS}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
  lastCookie = { eventSlug, nowMs, secure, cookie };
  return cookie;
}

/** Seconds since the token was issued for this event, or null when it is missing, forged, for another event or expired. */
export function formTokenAgeSeconds(token: string | undefined | null, eventSlug: string, now: Date): number | null {
  const claims = verifyToken(env.APP_SECRET, "comment-form", token, now);
  if (!claims || claims.subject !== eventSlug || !/^\d{1,15}$/.test(claims.version)) return null;
  return (now.getTime() - Number(claims.version)) / 1000;
}
