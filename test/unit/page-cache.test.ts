import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { cacheableEventPage } from "@/lib/http/cached-event-page";
import { PageCache } from "@/lib/http/page-cache";

const page = (text: string) => ({ status: 200, headers: { "content-type": "text/html" }, body: Buffer.from(text) });

describe("PageCache", () => {
  it("serves a page only for the version it was rendered at", () => {
    const cache = new PageCache({ maxBytes: 1000, ttlMs: 60_000 });
    cache.set("a", "v1", page("one"));
    expect(cache.get("a", "v1")?.body.toString()).toBe("one");
    expect(cache.get("a", "v2")).toBeUndefined();
    // A stale entry is dropped, not served again when the version comes back.
    expect(cache.get("a", "v1")).toBeUndefined();
  });

  it("forgets pages after the time limit", () => {
    let now = 0;
    const cache = new PageCache({ maxBytes: 1000, ttlMs: 60_000, now: () => now });
    cache.set("a", "v1", page("one"));
    now = 60_000;
    expect(cache.get("a", "v1")).toBeDefined();
    now = 60_001;
    expect(cache.get("a", "v1")).toBeUndefined();
  });

  it("stays within its memory by dropping the least recently used pages", () => {
    const cache = new PageCache({ maxBytes: 100, ttlMs: 60_000 });
    for (const key of ["a", "b", "c", "d"]) cache.set(key, "v", page("x".repeat(25)));
    cache.get("a", "v");
    cache.set("e", "v", page("x".repeat(25)));
    expect(["a", "b", "c", "d", "e"].filter((key) => cache.get(key, "v"))).toEqual(["a", "c", "d", "e"]);
    // One page may not take more than a quarter of the cache.
    cache.set("huge", "v", page("x".repeat(26)));
    expect(cache.get("huge", "v")).toBeUndefined();
  });
});

describe("which requests are served from the cache", () => {
  const request = (url: string, headers: Record<string, string> = {}, method = "GET") => ({ url, method, headers }) as unknown as IncomingMessage;

  it("takes anonymous readers' event pages, keyed by page, language and encoding", () => {
    expect(cacheableEventPage(request("/events/atelier"))).toEqual({ slug: "atelier", key: "atelier|1|default|" });
    expect(cacheableEventPage(request("/events/atelier?comments=3", { "accept-language": "en-GB,en", "accept-encoding": "gzip" }))?.key).toBe(
      "atelier|3|en|gzip",
    );
    expect(cacheableEventPage(request("/events/atelier", { cookie: "NEXT_LOCALE=en" }))?.key).toBe("atelier|1|en|");
    // A cookie the page does not read (a load balancer's) does not matter.
    expect(cacheableEventPage(request("/events/atelier", { cookie: "SERVERID=app2; NEXT_LOCALE=en" }))?.key).toBe("atelier|1|en|");
  });

  it("leaves everything personal or unusual to Next.js", () => {
    for (const [url, headers, method] of [
      ["/events/atelier", { cookie: "NEXT_LOCALE=fr; debrief_own_comments=abc" }],
      ["/events/atelier", { cookie: "next-auth.session-token=x" }],
      ["/events/atelier", { cookie: "__Secure-next-auth.session-token=x" }],
      ["/events/atelier", { cookie: "debrief_own_comments=c1.sig" }],
      ["/events/atelier", { rsc: "1" }],
      ["/events/atelier", { "next-router-prefetch": "1" }],
      ["/events/atelier", { "next-router-segment-prefetch": "/_tree" }],
      ["/events/atelier", { "next-action": "abc" }],
      ["/events/atelier", {}, "POST"],
      ["/events/atelier", {}, "HEAD"],
      ["/events/atelier?replyTo=c1", {}],
      ["/events/atelier?comments=x", {}],
      ["/events/atelier?_rsc=1", {}],
      ["/events/atelier/other", {}],
      ["/dashboard", {}],
    ] as [string, Record<string, string>, string?][]) {
      expect(cacheableEventPage(request(url, headers, method)), `${method ?? "GET"} ${url} ${JSON.stringify(headers)}`).toBeNull();
    }
  });
});
