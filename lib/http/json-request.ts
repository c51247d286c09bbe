import { AppError } from "@/lib/errors";

/** JSON bodies larger than this are refused before being read (413). */
export const MAX_JSON_BYTES = 64 * 1024;

/**
 * Reads a JSON API request's body, refusing what a browser on another site could send:
 * - a cross-site request (`Sec-Fetch-Site: cross-site`, or an `Origin` that is not this site's) → 403;
 * - any content type but application/json (a form or text/plain needs no CORS preflight) → 415;
 * - a body over MAX_JSON_BYTES, whatever Content-Length claims → 413, read no further;
 * - invalid JSON → 400.
 */
export async function readJsonBody(request: Request, options: { siteOrigin: string; maxBytes?: number }): Promise<unknown> {
  assertSameSite(request, options.siteOrigin);
  const type = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/json") throw new AppError("UNSUPPORTED_MEDIA_TYPE", "jsonRequired");
  const maxBytes = options.maxBytes ?? MAX_JSON_BYTES;
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE", "bodyTooLarge");
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw new AppError("PAYLOAD_TOO_LARGE", "bodyTooLarge");
      }
      chunks.push(value);
    }
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new AppError("INVALID", "invalidJson");
  }
}

/** Refuses a request a page of another site made the visitor's browser send. */
export function assertSameSite(request: Request, siteOrigin: string): void {
  if (request.headers.get("sec-fetch-site") === "cross-site") throw new AppError("FORBIDDEN", "crossSiteRefused");
  const origin = request.headers.get("origin");
  if (!origin) return;
  const host = request.headers.get("host");
  let originUrl: URL;
  try {
    originUrl = new URL(origin);
  } catch {
    throw new AppError("FORBIDDEN", "crossSiteRefused");
  }
  if (originUrl.origin !== new URL(siteOrigin).origin && originUrl.host !== host) throw new AppError("FORBIDDEN", "crossSiteRefused");
}
