import { env } from "@/lib/env";
import { isExpiredToken, keyedHash, safeEqual, signToken, verifyToken } from "@/lib/security/tokens";

/**
 * The links in the e-mails a recap requester receives. They are built when an e-mail is sent, from the
 * request's id and dates, and never stored: hosts reading the outbox never see a live credential.
 */

/** The double opt-in link. Asking again (a new lastConfirmationSentAt) replaces it; it expires with the request's token. */
export function confirmationToken(request: { id: string; lastConfirmationSentAt: Date; confirmTokenExpiresAt: Date }): string {
  return signToken(env.APP_SECRET, {
    purpose: "recap-confirm",
    subject: request.id,
    expiresAt: request.confirmTokenExpiresAt,
    version: String(request.lastConfirmationSentAt.getTime()),
  });
}

export function confirmationUrl(request: { id: string; lastConfirmationSentAt: Date; confirmTokenExpiresAt: Date }, siteUrl: string = env.SITE_URL): string {
  return `${siteUrl}/recap-requests/confirm?token=${confirmationToken(request)}`;
}

/** The request a confirmation link stands for, with the issue it names; null if forged, altered or expired. */
export function readConfirmationToken(token: unknown, now: Date): { requestId: string; issuedAt: number } | null {
  const claims = verifyToken(env.APP_SECRET, "recap-confirm", token, now);
  if (!claims || !/^\d{1,15}$/.test(claims.version)) return null;
  return { requestId: claims.subject, issuedAt: Number(claims.version) };
}

/** Whether a confirmation link is genuine but past its expiry (the page then says so). */
export function isExpiredConfirmationToken(token: unknown, now: Date): boolean {
  return isExpiredToken(env.APP_SECRET, "recap-confirm", token, now);
}

/** The manage and unsubscribe links: valid for as long as the request exists. */
export function manageToken(requestId: string): string {
  return signToken(env.APP_SECRET, { purpose: "recap-manage", subject: requestId });
}

export function manageUrl(requestId: string, siteUrl: string = env.SITE_URL): string {
  return `${siteUrl}/recap-requests/manage?token=${manageToken(requestId)}`;
}

/** RFC 8058 one-click unsubscribe address (List-Unsubscribe). */
export function unsubscribeUrl(requestId: string, siteUrl: string = env.SITE_URL): string {
  return `${siteUrl}/api/recap-requests/unsubscribe?token=${manageToken(requestId)}`;
}

/**
 * The request a manage link stands for, or null. Also accepts the links e-mailed before signed tokens
 * (`<id>.<signature>`), matched exactly: nothing may precede or follow them.
 */
export function recapRequestIdFromManageToken(token: unknown, now: Date): string | null {
  const claims = verifyToken(env.APP_SECRET, "recap-manage", token, now);
  if (claims) return claims.subject;
  const legacy = typeof token === "string" ? /^([a-z0-9]{20,40})\.([A-Za-z0-9_-]{43})$/.exec(token) : null;
  if (!legacy) return null;
  return safeEqual(legacy[2], keyedHash(env.APP_SECRET, `recap-request-manage:${legacy[1]}`)) ? legacy[1] : null;
}
