import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { cacheableEventPage, type EventPageCacheContext, requestSharedPage, serveCachedEventPage } from "@/lib/http/cached-event-page";
import { PageCache } from "@/lib/http/page-cache";
import { PageVersions } from "@/lib/http/page-versions";
import { personalPage, personalPageBase } from "@/lib/http/personal-event-page";
import { gzipSync } from "node:zlib";
import type { CommentThreadPage } from "@/lib/comments/get-comment-thread-page";
import { commentCardHtml, commentThreadHtml } from "@/lib/comments/render-comment-thread";
import { threadComments, type PublicComment } from "@/lib/comments/thread-comments";

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
    // A page that grew too large replaces its earlier copy with nothing, rather than leaving it served.
    cache.set("a", "v2", page("x".repeat(26)));
    expect(cache.get("a", "v2")).toBeUndefined();
  });

  it("builds what is made from a kept page once for concurrent asks, counts it, and lets it go with the page", async () => {
    const cache = new PageCache({ maxBytes: 1000, ttlMs: 60_000 });
    cache.set("a", "v1", page("one"));
    const kept = cache.get("a", "v1")!.page;
    let builds = 0;
    const build = async () => {
      builds++;
      await delay(5);
      return { value: `built ${builds}`, bytes: 100 };
    };
    expect(await Promise.all([cache.derive("a", kept, build), cache.derive("a", kept, build)])).toEqual(["built 1", "built 1"]);
    expect(builds).toBe(1);
    expect(cache.usedBytes).toBe(3 + 100);
    // A new copy of the page: what was built from the old one is gone, and counted no more.
    cache.set("a", "v2", page("two"));
    expect(cache.usedBytes).toBe(3);
    expect(await cache.derive("a", kept, build)).toBeNull();
    const fresh = cache.get("a", "v2")!.page;
    expect(await cache.derive("a", fresh, build)).toBe("built 2");
    // A failed build is not kept: the next ask builds again.
    cache.set("b", "v1", page("three"));
    const other = cache.get("b", "v1")!.page;
    await expect(cache.derive("b", other, async () => Promise.reject(new Error("database busy")))).rejects.toThrow("database busy");
    expect(await cache.derive("b", other, build)).toBe("built 3");
    // What is built counts toward the cache's memory like the pages: too much, and the oldest pages go.
    for (const key of ["e", "f", "g", "h"]) {
      cache.set(key, "v1", page("x".repeat(10)));
      expect(await cache.derive(key, cache.get(key, "v1")!.page, async () => ({ value: key, bytes: 240 }))).toBe(key);
    }
    expect(cache.get("a", "v2")).toBeUndefined();
    expect(cache.get("b", "v1")).toBeUndefined();
    expect(cache.usedBytes).toBe(1000);
    // Beyond a page's share of the cache (a quarter), it is not kept, and empties nothing: it is built again next time.
    cache.set("i", "v1", page(""));
    cache.get("e", "v1");
    const small = cache.get("i", "v1")!.page;
    expect(await cache.derive("i", small, async () => ({ value: "huge", bytes: 251 }))).toBe("huge");
    expect(cache.usedBytes).toBe(1000);
    expect(["e", "f", "g", "h", "i"].filter((key) => cache.get(key, "v1"))).toEqual(["e", "f", "g", "h", "i"]);
    expect(await cache.derive("i", small, build)).toBe("built 4");
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

  it("does not share a read that started before this process's own write: it may not see it", async () => {
    let now = 1_000;
    let lastWrite = 0;
    const answers: ((version: string) => void)[] = [];
    const versions = new PageVersions({
      maxAgeMs: 250,
      now: () => now,
      lastWriteAt: () => lastWrite,
      read: () => new Promise((resolve) => answers.push(resolve)),
    });
    const beforeWrite = versions.get("a");
    now += 1;
    lastWrite = now;
    now += 1;
    const afterWrite = versions.get("a");
    expect(answers).toHaveLength(2);
    answers[1]("v2");
    answers[0]("v1");
    expect(await beforeWrite).toBe("v1");
    expect(await afterWrite).toBe("v2");
    // The later read's answer is the one kept.
    expect(await versions.get("a")).toBe("v2");
    expect(answers).toHaveLength(2);
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
    expect(cacheableEventPage(request("/events/atelier"))).toEqual({
      slug: "atelier",
      page: 1,
      locale: "default",
      key: "atelier|1|default|",
      ownCommentIds: [],
      remembersOwnComments: false,
    });
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

  it("tells which comments the reader posted, so a page showing one still held is made for them alone", () => {
    const own = "c".repeat(25);
    expect(cacheableEventPage(request("/events/atelier", { cookie: `NEXT_LOCALE=fr; debrief_own_comments=${own}.${"d".repeat(25)}` }))).toEqual({
      slug: "atelier",
      page: 1,
      locale: "fr",
      key: "atelier|1|fr|",
      ownCommentIds: [own, "d".repeat(25)],
      remembersOwnComments: true,
    });
    expect(cacheableEventPage(request("/events/atelier", { cookie: "debrief_own_comments=x" }))?.ownCommentIds).toEqual([]);
  });

  it("reads the cookies as the page itself does: percent-encoded values, no space after the semicolon", () => {
    const own = "c".repeat(25);
    // The page decodes cookie values (Next.js's cookies()): an id written %63… is that id, and still held.
    expect(cacheableEventPage(request("/events/atelier", { cookie: `debrief_own_comments=%63${own.slice(1)}` }))?.ownCommentIds).toEqual([own]);
    expect(cacheableEventPage(request("/events/atelier", { cookie: `a=1;debrief_own_comments=${own}` }))?.ownCommentIds).toEqual([own]);
    // A language the page reads as English is cached as English, not under the visitor's Accept-Language.
    expect(cacheableEventPage(request("/events/atelier", { cookie: "NEXT_LOCALE=%65n", "accept-language": "fr" }))?.key).toBe("atelier|1|en|");
  });

  it("gives each visitor the language they ask for, however many visitors asked before in another", () => {
    // The same Accept-Language with and without a language chosen on the site, in both orders.
    for (const [cookie, expected] of [
      ["NEXT_LOCALE=en", "en"],
      [undefined, "fr"],
      ["NEXT_LOCALE=en", "en"],
      ["NEXT_LOCALE=xx", "fr"],
    ] as const) {
      expect(cacheableEventPage(request("/events/atelier", { "accept-language": "fr-FR,fr;q=0.9", ...(cookie ? { cookie } : {}) }))?.locale).toBe(expected);
    }
    // More distinct Accept-Language values than the remembered answers hold: each still gets its own.
    for (let index = 0; index < 1_500; index++) {
      const [language, expected] = index % 2 ? ["de", "default"] : ["en", "en"];
      expect(cacheableEventPage(request("/events/atelier", { "accept-language": `${language};q=0.${(index % 9) + 1}, x-${index}` }))?.locale).toBe(expected);
    }
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
      // Paths that are the event page only once normalised or decoded: Next.js's to answer.
      ["/events/atelier#comments", {}],
      ["/events/%61telier", {}],
      ["/events/x/../atelier", {}],
      ["//events/atelier", {}],
      // A repeated page number is no page number for the page (it shows page 1): not to be kept as page 2.
      ["/events/atelier?comments=2&comments=3", {}],
      ["/events/atelier?comments=2&comments=2", {}],
      ["/dashboard", {}],
    ] as [string, Record<string, string>, string?][]) {
      expect(cacheableEventPage(request(url, headers, method)), `${method ?? "GET"} ${url} ${JSON.stringify(headers)}`).toBeNull();
    }
  });
});

describe("serving event pages through the cache", () => {
  /** A real HTTP server whose renders answer `status` with a body naming the render; the version is `version`. */
  async function pageServer(state: { version: string; status: number; held: boolean; renderMs?: number; thread?: boolean; loopback?: boolean }) {
    const cache = new PageCache({ maxBytes: 1_000_000, ttlMs: 60_000 });
    const versions = new PageVersions({ maxAgeMs: 0, lastWriteAt: () => 0, read: async () => state.version });
    let renders = 0;
    const server = createServer((request, response) => {
      void Promise.resolve(serveCachedEventPage(request, response, context)).then((served) => {
        if (!served) context.render(request, response);
      });
    });
    const context: EventPageCacheContext = {
      cache,
      versions,
      ownPendingComments: async () => (state.held ? [heldComment] : []),
      // Without a thread to add the reader's held comments to, their page is rendered by Next.js.
      commentThreadPage: async () => (state.thread ? threadPage : null),
      renderSharedPage: state.loopback ? (target) => requestSharedPage(server.address() as AddressInfo, target) : undefined,
      // As server.ts does: what the cache does not answer, Next.js renders.
      render: (request, response) => {
        const render = ++renders;
        response.statusCode = state.status;
        response.setHeader("content-type", "text/html");
        const text = `render ${render} at ${state.version}${request.headers.cookie ? ` for ${request.headers.cookie}` : ""}`;
        const html = state.thread ? `<h1>${text}</h1>${commentThreadHtml(threadComments(threadPage.approved), threadPage.context)}<footer>end</footer>` : text;
        // Compressed as Next.js sends it: the page made for one reader must be compressed the same way.
        if (state.thread) response.setHeader("content-encoding", "gzip");
        setTimeout(() => response.end(state.thread ? gzipSync(html) : html), state.renderMs ?? 0);
      },
    };
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const get = async (cookie?: string) => {
      const response = await fetch(`${base}/events/atelier`, { headers: { "accept-encoding": "gzip", ...(cookie ? { cookie } : {}) } });
      return { status: response.status, body: await response.text(), cache: response.headers.get("x-debrief-cache") };
    };
    /** Resolves once `count` renders have started. */
    const rendersStarted = async (count: number) => {
      while (renders < count) await delay(5);
    };
    return { get, rendersStarted, close: () => new Promise((resolve) => server.close(resolve)) };
  }

  it("never keeps a page rendered for a reader who remembers comments of theirs, so nobody else is shown it", async () => {
    const state = { version: "v1", status: 200, held: false };
    const server = await pageServer(state);
    try {
      const own = `debrief_own_comments=${"c".repeat(25)}`;
      expect(await server.get(own)).toMatchObject({ cache: "miss", body: `render 1 at v1 for ${own}` });
      // The next anonymous reader gets a page rendered for nobody in particular, then that one from the cache.
      expect(await server.get()).toMatchObject({ cache: "miss", body: "render 2 at v1" });
      expect(await server.get()).toMatchObject({ cache: "hit", body: "render 2 at v1" });
      // A reader whose comments were all moderated shares that page.
      expect(await server.get(own)).toMatchObject({ cache: "hit", body: "render 2 at v1" });
    } finally {
      await server.close();
    }
  });

  it("gives a reader with a held comment the shared page with it added to the thread, and only them", async () => {
    const state = { version: "v1", status: 200, held: true, thread: true };
    const server = await pageServer(state);
    try {
      const own = `debrief_own_comments=${heldComment.id}`;
      // No shared page kept yet: theirs is rendered by Next.js, and not kept.
      expect(await server.get(own)).toMatchObject({ cache: null, body: expect.stringContaining(`render 1 at v1 for ${own}`) });
      expect(await server.get()).toMatchObject({ cache: "miss", body: expect.stringContaining("render 2 at v1") });
      const personal = await server.get(own);
      expect(personal.cache).toBe("personal");
      expect(personal.body).toBe(
        `<h1>render 2 at v1</h1>${commentThreadHtml(threadComments([...threadPage.approved, heldComment]), threadPage.context)}<footer>end</footer>`,
      );
      expect(personal.body).toContain("En attente de modération");
      expect(personal.body).toContain("Mon commentaire");
      const shared = await server.get();
      expect(shared).toMatchObject({ cache: "hit" });
      expect(shared.body).not.toContain("Mon commentaire");
      // Once the reader's comment is moderated, they get the shared page.
      state.held = false;
      expect(await server.get(own)).toMatchObject({ cache: "hit", body: shared.body });
      // A new version: until the shared page is rendered again, theirs is rendered by Next.js.
      state.held = true;
      state.version = "v2";
      expect(await server.get(own)).toMatchObject({ cache: null, body: expect.stringContaining(`render 3 at v2 for ${own}`) });
    } finally {
      await server.close();
    }
  });

  it("has the shared page rendered once for readers with held comments when none is fresh, then completes it for each", async () => {
    const state = { version: "v1", status: 200, held: true, thread: true, loopback: true, renderMs: 50 };
    const server = await pageServer(state);
    try {
      const own = `debrief_own_comments=${heldComment.id}`;
      const pages = await Promise.all([1, 2, 3, 4, 5].map(() => server.get(own)));
      // One render, of the page everyone gets (no cookie of theirs), completed for each of them.
      expect(pages.map((page) => page.cache)).toEqual(Array(5).fill("personal"));
      for (const page of pages) expect(page.body).toContain("<h1>render 1 at v1</h1>");
      for (const page of pages) expect(page.body).toContain("Mon commentaire");
      // The page is then every reader's, from the cache, without their comment.
      const shared = await server.get();
      expect(shared).toMatchObject({ cache: "hit", body: expect.stringContaining("<h1>render 1 at v1</h1>") });
      expect(shared.body).not.toContain("Mon commentaire");
      // A new version: rendered once more for everyone, then completed for them.
      state.version = "v2";
      expect(await server.get(own)).toMatchObject({ cache: "personal", body: expect.stringContaining("<h1>render 2 at v2</h1>") });
    } finally {
      await server.close();
    }
  });

  it("stops serving an earlier version once a render of the new one fails", async () => {
    const state = { version: "v1", status: 200, held: false, renderMs: 0 };
    const server = await pageServer(state);
    try {
      expect(await server.get()).toMatchObject({ cache: "miss", body: "render 1 at v1" });
      state.version = "v2";
      state.status = 500;
      state.renderMs = 1_000;
      // While v2 renders, readers get the v1 copy (stale-while-revalidate)…
      const [failed, meanwhile] = await Promise.all([server.get(), server.rendersStarted(2).then(() => server.get())]);
      expect(failed).toMatchObject({ cache: "miss", status: 500 });
      expect(meanwhile).toMatchObject({ cache: "stale", body: "render 1 at v1" });
      // …but once that render failed, never again: the next readers wait for a render of v2.
      state.status = 200;
      const [rendered, waited] = await Promise.all([server.get(), server.rendersStarted(3).then(() => server.get())]);
      expect(rendered).toMatchObject({ cache: "miss", body: "render 3 at v2" });
      expect(waited).toMatchObject({ cache: "hit", body: "render 3 at v2" });
    } finally {
      await server.close();
    }
  });
});

const threadPage: CommentThreadPage = {
  context: { locale: "fr", timeZone: "Europe/Paris", eventSlug: "atelier", commentPage: 1 },
  lastPage: true,
  approved: [
    {
      id: "a".repeat(25),
      parentId: null,
      authorName: "Martin",
      authorUrl: null,
      body: "Y a-t-il eu un compte rendu ?",
      status: "APPROVED",
      createdAt: new Date("2026-11-30T09:00:00Z"),
      byHost: false,
    },
  ],
};

const heldComment: PublicComment = {
  id: "c".repeat(25),
  parentId: null,
  authorName: "Camille",
  authorUrl: null,
  body: "Mon commentaire",
  status: "PENDING",
  createdAt: new Date("2026-11-30T10:00:00Z"),
  byHost: false,
};

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the page of a reader with held comments, made from the shared one", () => {
  const thread = commentThreadHtml(threadComments(threadPage.approved), threadPage.context);
  const shared = (html: string) => ({ status: 200, headers: { "content-type": "text/html" }, body: Buffer.from(html) });

  it("is made only from a page holding exactly one thread, the one its comments make", () => {
    const [start, end] = ["<!--debrief:thread-->", "<!--/debrief:thread-->"];
    const inner = thread.slice(start.length, -end.length);
    for (const html of [
      "<main>no thread</main>",
      `<main>${thread}${thread}</main>`,
      `<main>${thread}${start}</main>`,
      `<main>${thread}${end}</main>`,
      `<main>${end}${inner}${start}</main>`,
      `<main>${start}${inner}</main>`,
      // A comment changed between the render and the read: the page's thread is not the one they make.
      `<main>${thread.replace("Martin", "Martine")}</main>`,
    ]) {
      expect(personalPageBase(shared(html), threadPage), html.slice(0, 60)).toBeNull();
    }
    expect(personalPageBase(shared(`<main>${thread}</main>`), threadPage)).not.toBeNull();
  });

  it("puts the reader's comments in the thread of an uncompressed page too, and counts what it keeps", async () => {
    const html = `<h1>Atelier</h1>${thread}<footer>fin</footer>`;
    const base = personalPageBase(shared(html), threadPage)!;
    // What is kept (the page around the thread, each card) is counted at two bytes a character, at least.
    const cards = threadPage.approved.map((comment) => commentCardHtml(comment, threadPage.context)).join("");
    expect(base.bytes).toBe(2 * ("<h1>Atelier</h1>".length + "<footer>fin</footer>".length + cards.length));
    const page = await personalPage(base.value, [heldComment]);
    const expected = `<h1>Atelier</h1>${commentThreadHtml(threadComments([...threadPage.approved, heldComment]), threadPage.context)}<footer>fin</footer>`;
    expect(page.body.toString("utf8")).toBe(expected);
    expect(page.headers["content-length"]).toBe(String(Buffer.byteLength(expected)));
  });
});
