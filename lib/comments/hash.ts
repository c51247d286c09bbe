import { createHash } from "node:crypto";
import { keyedHash } from "@/lib/security/tokens";

/** Keyed hash of an IP address: enough to rate-limit, useless to anyone without the secret. */
export function hashIp(secret: string, ip: string): string {
  return keyedHash(secret, `ip:${ip}`, "hex").slice(0, 32);
}

/** Hash of a comment body with case and whitespace folded, for duplicate detection. */
export function hashBody(body: string): string {
  return createHash("sha256").update(body.toLowerCase().replace(/\s+/g, " ").trim()).digest("hex");
}

/** The unique keys that refuse the same comment twice from one person: by e-mail, and by address. */
export function duplicateKeys(comment: { eventId: string; bodyHash: string; email: string; ipHash: string }) {
  const key = (who: string) => createHash("sha256").update(`${comment.eventId}|${comment.bodyHash}|${who}`).digest("hex");
  return { duplicateKey: key(`email:${comment.email.toLowerCase()}`), duplicateIpKey: key(`ip:${comment.ipHash}`) };
}
