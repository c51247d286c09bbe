import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { cacheableEventPage } from "@/lib/http/cached-event-page";
import { PageCache } from "@/lib/http/page-cache";
import { PageVersions } from "@/lib/http/page-versions";

const page = (text: string) => ({ status: 200, headers: { "content-type": "text/html" }, body: Buffer.from(text) });

describe("PageCache", () => {
  it("serves a page as fresh only for the version it was rendered at, and keeps it as stale otherwise", () => {
    const cache = new PageCache({ maxBytes: 1000, ttlMs: 60_000 });
    cache.set("a", "v1", page("one"));
    expect(cache.get("a", "v1")).toMatchObject({ fresh: true });
    expect(cache.get("a", "v1")?.page.body.toString()).toBe("one");
    // A newer version makes the copy stale: it may stand in while the page is rendered again, never as fresh.
    expect(cache.get("a", "v2")).toMatchObject({ fresh: false });
    expect(cache.get("b", "v1")).toBeUndefined();
  });

  it("counts pages as stale after the time limit", () => {
    let now = 0;
    const cache = new PageCache({ maxBytes: 1000, ttlMs: 60_000, now: () => now });
    cache.set("a", "v1", page("one"));
    now = 60_000;
    expect(cache.get("a", "v1")?.fresh).toBe(true);
    now = 60_001;
    expect(cache.get("a", "v1")?.fresh).toBe(false);
  });

  it("stays within its memory by dropping the least recently used pages", () => {
    const cache = new PageCache({ maxBytes: 100, ttlMs: 60_000 });
    for (const key of ["a", "b", "c", "d"]) cache.set(key, "v", page("x".repeat(25)));
    cache.get("a", "v");
    cache.set("e", "v", page("x".repeat(25)));
    expect(["a", "b", "c", "d", "e"].filter((key) => cache.get(key, "v"))).toEqual(["a", "c", "d", "e"]);
    expect(cache.usedBytes).toBe(100);
    // One page may not take more than a quarter of the cache.
    cache.set("huge", "v", page("x".repeat(26)));
    expect(cache.get("huge", "v")).toBeUndefined();
  });

  it("lets one request render a page at a time, and tells the others when it is over", async () => {
    let now = 0;
    const cache = new PageCache({ maxBytes: 1000, ttlMs: 60_000, now: () => now });
    const finish = cache.startRender("a");
    expect(finish).toBeTypeOf("function");
    expect(cache.startRender("a")).toBeNull();
    // Another page renders independently.
    expect(cache.startRender("b")).toBeTypeOf("function");
    let over = false;
    const waiting = cache.renderDone("a").then(() => (over = true));
    await Promise.resolve();
    expect(over).toBe(false);
    finish!();
    await waiting;
    expect(over).toBe(true);
    expect(cache.startRender("a")).toBeTypeOf("function");
    // A render that never ends does not stop the page from being rendered by someone else later.
    now = 10_000;
    expect(cache.startRender("a")).toBeTypeOf("function");
  });
});

describe("PageVersions", () => {
  it("reads each page's version at most once per period, sharing one read among concurrent requests", async () => {
    let now = 1_000;
    let reads = 0;
    let current = "v1";
    const versions = new PageVersions({
      maxAgeMs: 250,
      now: () => now,
      lastWriteAt: () => 0,
      read: async () => {
        reads++;
        return current;
      },
    });
    expect(await Promise.all([versions.get("a"), versions.get("a"), versions.get("a")])).toEqual(["v1", "v1", "v1"]);
    expect(reads).toBe(1);
    current = "v2";
    now += 249;
    expect(await versions.get("a")).toBe("v1");
    now += 1;
    // Another instance's change is seen once the copy is older than the period.
    expect(await versions.get("a")).toBe("v2");
    expect(reads).toBe(2);
    expect(await versions.get("b")).toBe("v2");
    expect(reads).toBe(3);
  });

  it("reads again after this process wrote to the database, so its own change shows at once", async () => {
    const now = 1_000;
    let lastWrite = 0;
    let current = "v1";
    const versions = new PageVersions({ maxAgeMs: 250, now: () => now, lastWriteAt: () => lastWrite, read: async () => current });
    expect(await versions.get("a")).toBe("v1");
    current = "v2";
    lastWrite = now;
    expect(await versions.get("a")).toBe("v2");
  });

  it("keeps a bounded number of pages", async () => {
    let reads = 0;
    const versions = new PageVersions({
      maxAgeMs: 250,
      maxPages: 2,
      lastWriteAt: () => 0,
      read: async () => {
        reads++;
        return "v";
      },
    });
    // "b" is read once; "a", pushed out by "c", is read again.
    for (const slug of ["a", "b", "b", "c", "a"]) await versions.get(slug);
    expect(reads).toBe(4);
  });
});

describe("which requests are served from the cache", () => {
  const request = (url: string, headers: Record<string, string> = {}, method = "GET") => ({ url, method, headers }) as unknown as IncomingMessage;

  it("takes anonymous readers' event pages, keyed by page, language and encoding", () => {
    expect(cacheableEventPage(request("/events/atelier"))).toEqual({ slug: "atelier", key: "atelier|1|default|", ownCommentIds: [] });
    expect(cacheableEventPage(request("/events/atelier?comments=3", { "accept-language": "en-GB,en", "accept-encoding": "gzip" }))?.key).toBe(
      "atelier|3|en|gzip",
    );
    expect(cacheableEventPage(request("/events/atelier", { cookie: "NEXT_LOCALE=en" }))?.key).toBe("atelier|1|en|");
    // A cookie the page does not read (a load balancer's) does not matter.
    expect(cacheableEventPage(request("/events/atelier", { cookie: "SERVERID=app2; NEXT_LOCALE=en" }))?.key).toBe("atelier|1|en|");
    // Nor does a signed-in host's session: the public page is the same for them.
    expect(cacheableEventPage(request("/events/atelier", { cookie: "next-auth.session-token=x" }))?.key).toBe("atelier|1|default|");
    expect(cacheableEventPage(request("/events/atelier", { cookie: "__Secure-next-auth.session-token=x; NEXT_LOCALE=fr" }))?.key).toBe("atelier|1|fr|");
  });

  it("tells which comments the reader posted, so a page showing one still held is rendered for them alone", () => {
    const own = "c".repeat(25);
    expect(cacheableEventPage(request("/events/atelier", { cookie: `NEXT_LOCALE=fr; debrief_own_comments=${own}.${"d".repeat(25)}` }))).toEqual({
      slug: "atelier",
      key: "atelier|1|fr|",
      ownCommentIds: [own, "d".repeat(25)],
    });
    expect(cacheableEventPage(request("/events/atelier", { cookie: "debrief_own_comments=x" }))?.ownCommentIds).toEqual([]);
  });

  it("leaves everything personal or unusual to Next.js", () => {
    for (const [url, headers, method] of [
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
