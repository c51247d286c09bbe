import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The token in a recap e-mail's unsubscribe and manage links: the request's id, signed. Nothing to
 * store, and it keeps working for as long as the request exists.
 */
export function manageToken(secret: string, recapRequestId: string): string {
  return `${recapRequestId}.${sign(secret, recapRequestId)}`;
}

/** The request id a manage token stands for, or null if it is forged or malformed. */
export function recapRequestIdFromToken(secret: string, token: string | null | undefined): string | null {
  const [id, signature] = (token ?? "").split(".");
  if (!id || !signature) return null;
  const expected = Buffer.from(sign(secret, id));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}

function sign(secret: string, id: string): string {
  return createHmac("sha256", secret).update(`recap-request-manage:${id}`).digest("base64url");
}
