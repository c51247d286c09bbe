/**
 * The client's address as the server in front of the app established it. server.ts rewrites
 * X-Forwarded-For to exactly one trusted address before Next.js sees the request.
 */
export function clientInfo(headers: Headers): { ip: string; userAgent: string | null } {
  const forwarded = headers.get("x-forwarded-for") ?? "";
  const ip = forwarded.split(",").at(-1)?.trim() || "unknown";
  return { ip, userAgent: headers.get("user-agent") };
}

/**
 * Whether the visitor reached the site over https: server.ts sets X-Forwarded-Proto from the socket, or from
 * the trusted reverse proxy in front (TRUST_PROXY_HOPS). Cookies are then marked Secure.
 */
export function isSecureRequest(headers: Headers): boolean {
  return headers.get("x-forwarded-proto") === "https";
}
