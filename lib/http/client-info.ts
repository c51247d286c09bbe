/**
 * The client's address as the server in front of the app established it. server.js rewrites
 * X-Forwarded-For to exactly one trusted address before Next.js sees the request.
 */
export function clientInfo(headers: Headers): { ip: string; userAgent: string | null } {
  const forwarded = headers.get("x-forwarded-for") ?? "";
  const ip = forwarded.split(",").at(-1)?.trim() || "unknown";
  return { ip, userAgent: headers.get("user-agent") };
}
