import { createHash, createHmac } from "node:crypto";

/** Keyed hash of an IP address: enough to rate-limit, useless to anyone without the secret. */
export function hashIp(secret: string, ip: string): string {
  return createHmac("sha256", secret).update(`ip:${ip}`).digest("hex").slice(0, 32);
}

/** Hash of a comment body with case and whitespace folded, for duplicate detection. */
export function hashBody(body: string): string {
  return createHash("sha256").update(body.toLowerCase().replace(/\s+/g, " ").trim()).digest("hex");
}
