import { AppError } from "@/lib/errors";

/** JSON bodies larger than this are refused (413): at once when Content-Length says so, else once that much has come. */
export const MAX_JSON_BYTES = 64 * 1024;

/** The request's headers as both server entries can read them (a `Headers`, or Node's through `nodeHeaders`). */
export type HeaderSource = { get(name: string): string | null };

/**
 * Reads at most `maxBytes` of a body: its bytes, or null when it is longer (the rest is then dropped as it
 * arrives, never kept). Route handlers read a `Request`'s stream (`webBody`), the production server Node's
 * request (lib/http/node-json-request.ts).
 */
export type BodyReader = (maxBytes: number) => Promise<Buffer | null>;

/**
 * Reads a JSON API request's body, refusing what a browser on another site could send:
 * - a cross-site request (`Sec-Fetch-Site: cross-site`, or an `Origin` that is not this site's) → 403;
 * - any content type but application/json (a form or text/plain needs no CORS preflight) → 415;
 * - a body over MAX_JSON_BYTES, whatever Content-Length claims → 413, nothing past the limit kept;
 * - invalid JSON → 400.
 */
export async function readJsonBody(request: Request, options: { siteOrigin: string; maxBytes?: number }): Promise<unknown> {
  return readJson(request.headers, webBody(request), options);
}

/** The same for either server entry: the checks on the headers first, then the body, read up to the limit. */
export async function readJson(headers: HeaderSource, readBody: BodyReader, options: { siteOrigin: string; maxBytes?: number }): Promise<unknown> {
  assertSameSite(headers, options.siteOrigin);
  const type = (headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/json") throw new AppError("UNSUPPORTED_MEDIA_TYPE", "jsonRequired");
  const maxBytes = options.maxBytes ?? MAX_JSON_BYTES;
  if (Number(headers.get("content-length") ?? 0) > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE", "bodyTooLarge");
  const body = await readBody(maxBytes);
  if (!body) throw new AppError("PAYLOAD_TOO_LARGE", "bodyTooLarge");
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    throw new AppError("INVALID", "invalidJson");
  }
}

/** A `Request`'s body, read up to the limit; past it the rest is read and dropped. */
export function webBody(request: Request): BodyReader {
  return async (maxBytes) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    if (request.body) {
      const reader = request.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > maxBytes) {
          // The rest is read and dropped as it arrives, as Node does with a body nobody read. Cancelling instead
          // (under Next.js) held the answer until the client had sent everything, and then left the rest in the
          // connection, in front of the client's next request on it.
          void discardRest(reader);
          return null;
        }
        chunks.push(value);
      }
    }
    return Buffer.concat(chunks);
  };
}

async function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
  try {
    while (!(await reader.read()).done);
  } catch {
    // The client went away: nothing left to drop.
  }
}

/** Refuses a request a page of another site made the visitor's browser send. */
export function assertSameSite(headers: HeaderSource, siteOrigin: string): void {
  if (headers.get("sec-fetch-site") === "cross-site") throw new AppError("FORBIDDEN", "crossSiteRefused");
  const origin = headers.get("origin");
  if (!origin) return;
  const host = headers.get("host");
  let originUrl: URL;
  try {
    originUrl = new URL(origin);
  } catch {
    throw new AppError("FORBIDDEN", "crossSiteRefused");
  }
  if (originUrl.origin !== new URL(siteOrigin).origin && originUrl.host !== host) throw new AppError("FORBIDDEN", "crossSiteRefused");
}
