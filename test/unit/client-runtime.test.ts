import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync, gzipSync } from "node:zlib";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it } from "vitest";
import { isPublicPagePath, PUBLIC_PAGE_SCRIPT, withoutClientRuntime } from "@/lib/http/client-runtime";
import { applyScriptHashPolicy } from "@/lib/http/content-security-policy";

// What Next.js 16 (Turbopack) writes into a page, as read from the event page it renders.
const HEAD_RUNTIME = [
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/310vm2bl3xxpt.js"/>',
  '<script src="/_next/static/chunks/0kzntr75017e0.js" async=""></script>',
  '<script src="/_next/static/chunks/135ch7k38v3rr.js" async=""></script>',
  '<script src="/_next/static/chunks/0cz1d0mv5g_q7.js" noModule=""></script>',
].join("");
const BODY_RUNTIME = [
  '<script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/310vm2bl3xxpt.js"],"runtimeModuleIds":[94553]});</script>',
  '<script src="/_next/static/chunks/310vm2bl3xxpt.js" async=""></script>',
  "<script>(self.__next_f=self.__next_f||[]).push([0])</script>",
  '<script>self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n4:I[\\"\\u003cp\\u003e\\"]"])</script>',
].join("");
const STRUCTURED_DATA = '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Event","name":"Plaidoyer"}</script>';

function nextPage(main: string): string {
  return (
    '<!DOCTYPE html><html lang="fr"><head><meta charSet="utf-8"/><link rel="stylesheet" href="/_next/static/chunks/3rfgp309bxj8l.css" data-precedence="next"/>' +
    `${HEAD_RUNTIME}<title>Plaidoyer</title><link rel="icon" href="/icon.png"/></head><body><main id="main">${main}</main>${STRUCTURED_DATA}${BODY_RUNTIME}</body></html>`
  );
}

describe("public pages without Next.js's client runtime", () => {
  it("drops every bundle, preload, bootstrap and hydration payload, and loads the forms script once instead", () => {
    const page = withoutClientRuntime(nextPage("<h1>Plaidoyer</h1>"));
    expect(page).not.toContain("/_next/static/chunks/0kzntr75017e0.js");
    expect(page).not.toContain("/_next/static/chunks/310vm2bl3xxpt.js");
    expect(page).not.toContain("noModule");
    expect(page).not.toContain("TURBOPACK");
    expect(page).not.toContain("__next_f");
    expect(page.match(/<script/g)).toHaveLength(2);
    expect(page).toContain(`<script src="${PUBLIC_PAGE_SCRIPT}" defer></script></head>`);
    // What the reader sees and what describes the page stay: the styles, the content, the structured data.
    expect(page).toContain('<link rel="stylesheet" href="/_next/static/chunks/3rfgp309bxj8l.css" data-precedence="next"/>');
    expect(page).toContain('<main id="main"><h1>Plaidoyer</h1></main>');
    expect(page).toContain(STRUCTURED_DATA);
    expect(page).toContain('<link rel="icon" href="/icon.png"/>');
  });

  it("keeps, word for word, what a reader wrote that looks like the runtime (React escapes it)", () => {
    const written = [
      '<script>self.__next_f.push([1,"x"])</script>',
      '<script src="/_next/static/chunks/evil.js"></script>',
      '<link rel="preload" as="script" href="/_next/static/chunks/evil.js">',
      "</head>",
    ];
    const main = renderToStaticMarkup(
      createElement(
        "article",
        null,
        written.map((text) => createElement("p", { key: text, title: text }, text)),
      ),
    );
    const page = withoutClientRuntime(nextPage(main));
    expect(page).toContain(`<main id="main">${main}</main>`);
    expect(page.match(/<script src="\/forms\.js" defer><\/script>/g)).toHaveLength(1);
  });

  it("leaves alone the shell Next.js sends for a page that failed or was not found once its answer began", () => {
    const shell = `<!DOCTYPE html><html id="__next_error__"><head>${HEAD_RUNTIME}</head><body>${BODY_RUNTIME}</body></html>`;
    expect(withoutClientRuntime(shell)).toBe(shell);
    expect(withoutClientRuntime("Not a page")).toBe("Not a page");
  });

  it("is for the home page, event pages, the legal and privacy pages only", () => {
    const publicPaths = ["/", "/?x=1", "/events/webreakfast", "/events/webreakfast?comments=2", "/events/webreakfast?replyTo=abc", "/legal", "/privacy"];
    const otherPaths = [
      undefined,
      "",
      "/dashboard",
      "/dashboard/moderation",
      "/sign-in",
      "/setup?token=x",
      "/events/webreakfast/calendar.ics",
      "/events/",
      "/events",
      "/embed/events/webreakfast",
      "/legal/x",
      "/privacy.txt",
      "/recap-requests/manage?token=x",
    ];
    expect(publicPaths.filter((path) => !isPublicPagePath(path))).toEqual([]);
    expect(otherPaths.filter((path) => isPublicPagePath(path))).toEqual([]);
  });
});

describe("the page as sent by the server", () => {
  let server: http.Server | null = null;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  it("is rewritten, compressed again, counted and allowed by its policy: exactly the inline scripts it still has", async () => {
    const original = nextPage("<h1>Plaidoyer</h1>");
    const compressed = gzipSync(original);
    server = http.createServer((_request, response) => {
      applyScriptHashPolicy(response, withoutClientRuntime);
      response.setHeader("content-type", "text/html; charset=utf-8");
      response.setHeader("content-encoding", "gzip");
      // Next.js streams the page in pieces.
      response.write(compressed.subarray(0, 100));
      response.end(compressed.subarray(100));
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const answer = await new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http
        .get({ host: "127.0.0.1", port, path: "/" }, (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
        })
        .on("error", reject);
    });
    expect(answer.headers["content-length"]).toBe(String(answer.body.length));
    const html = gunzipSync(answer.body).toString("utf8");
    expect(html).toBe(withoutClientRuntime(original));
    const structuredDataHash = createHash("sha256")
      .update(STRUCTURED_DATA.replace(/^<script[^>]*>|<\/script>$/g, ""))
      .digest("base64");
    expect(answer.headers["content-security-policy"]).toContain(`script-src 'self' 'sha256-${structuredDataHash}';`);
  });
});
