import type { HeaderSource } from "./json-request";

/**
 * The client's address. Behind `npm start`, server.ts has replaced X-Forwarded-For with exactly one address before
 * Next.js sees the request: the socket's, or with TRUST_PROXY_HOPS=n the one the outermost of those n proxies saw.
 * Under `next dev` there is no server.ts: Next.js keeps whatever X-Forwarded-For the client sent (it adds the
 * socket's address only when there is none), so per-address limits are not to be trusted there.
 */
export function clientInfo(headers: HeaderSource): { ip: string; userAgent: string | null } {
  const forwarded = headers.get("x-forwarded-for") ?? "";
  const ip = forwarded.split(",").at(-1)?.trim() || "unknown";
  return { ip, userAgent: headers.get("user-agent") };
}

/**
 * Whether the visitor reached the site over https, so cookies are marked Secure. server.ts has no TLS of its own:
 * it sets X-Forwarded-Proto to "https" only when TRUST_PROXY_HOPS is set and the trusted proxy said https, and to
 * "http" otherwise, whatever the client sent. (Under `next dev` the client's own header is kept.)
 */
export function isSecureRequest(headers: HeaderSource): boolean {
  return headers.get("x-forwarded-proto") === "https";
}
