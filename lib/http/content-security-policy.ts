import { createHash } from "node:crypto";
import type { ServerResponse } from "node:http";
import { decodeBody, encodeBody } from "./content-encoding";
import { contentSecurityPolicy } from "./security-headers";

/** The SHA-256 (base64) of each inline script of an HTML document, as CSP compares them. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(/<script((?:\s[^>]*)?)>([\s\S]*?)<\/script>/gi)) {
    if (/\ssrc\s*=/i.test(match[1])) continue;
    hashes.add(createHash("sha256").update(match[2], "utf8").digest("base64"));
  }
  return [...hashes];
}

/**
 * Holds back an HTML response until it is complete, then sends it with the policy allowing exactly its inline
 * scripts — after `rewrite`, when given, has changed its HTML (./client-runtime.ts). Other responses pass through
 * untouched. Install it last, so it runs before anything that records the response (the page cache then keeps the
 * policy, and the rewritten page, with the page).
 */
export function applyScriptHashPolicy(response: ServerResponse, rewrite?: (html: string) => string): void {
  const write = response.write.bind(response) as (...args: unknown[]) => boolean;
  const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
  const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => ServerResponse;
  let heldHead: unknown[] | null = null;
  // Once the response is known not to be HTML, or the held page is sent, every call passes straight through.
  // (The functions are never swapped back: Next.js's compression wraps them after this and must keep its wrapper.)
  let passThrough = false;
  const chunks: Buffer[] = [];
  const isHtml = () => String(response.getHeader("content-type") ?? "").startsWith("text/html");
  const keep = (chunk: unknown, encoding: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === "function") return;
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"));
  };
  response.writeHead = ((...args: unknown[]) => {
    if (passThrough) return writeHead(...args);
    // Headers given here (Next.js may pass them) are applied now, but sending them waits for the body.
    const headers = args.find((arg) => typeof arg === "object" && arg !== null) as Record<string, string> | undefined;
    if (headers) for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    if (typeof args[0] === "number") response.statusCode = args[0];
    heldHead = args;
    return response;
  }) as typeof response.writeHead;
  // Node's own write/end send implicit headers through response.writeHead: it must pass through from then on.
  const release = () => {
    passThrough = true;
    if (heldHead) writeHead(response.statusCode);
    heldHead = null;
  };
  response.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
    if (passThrough || !isHtml()) {
      release();
      return write(chunk, encoding, callback);
    }
    keep(chunk, encoding);
    if (typeof callback === "function") (callback as () => void)();
    else if (typeof encoding === "function") (encoding as () => void)();
    return true;
  }) as typeof response.write;
  response.end = ((chunk?: unknown, encoding?: unknown, callback?: unknown) => {
    if (!passThrough && isHtml()) {
      keep(chunk, encoding);
      const done = typeof callback === "function" ? callback : typeof encoding === "function" ? encoding : undefined;
      const send = (body: Buffer, html: string | null) => {
        if (html !== null) response.setHeader("Content-Security-Policy", contentSecurityPolicy(inlineScriptHashes(html)));
        response.removeHeader("transfer-encoding");
        response.setHeader("content-length", body.length);
        release();
        end(body, done);
      };
      const body = Buffer.concat(chunks);
      const contentEncoding = response.getHeader("content-encoding") as string | undefined;
      let html: string;
      try {
        html = decodeBody(body, contentEncoding);
      } catch (error) {
        console.error("Content-Security-Policy: could not read the page:", error);
        send(body, null);
        return response;
      }
      let rewritten = html;
      try {
        if (rewrite) rewritten = rewrite(html);
      } catch (error) {
        console.error("Page rewrite: could not rewrite the page:", error);
      }
      if (rewritten === html) send(body, html);
      else {
        // Compressed again as the shared page is (off the event loop): a page kept in the cache is sent many times.
        encodeBody(rewritten, contentEncoding, "shared").then(
          (encoded) => send(encoded, rewritten),
          (error) => {
            console.error("Page rewrite: could not compress the page:", error);
            send(body, html);
          },
        );
      }
      return response;
    }
    release();
    return end(chunk, encoding, callback);
  }) as typeof response.end;
}
