/**
 * The pages readers come to — the home page, event pages, the legal and privacy pages — are sent without Next.js's
 * client runtime (docs/decisions/011-public-pages-without-client-runtime.md): everything on them works as plain HTML
 * (links, and forms posting to their server actions), and the runtime alone is ~130 KB of gzipped JavaScript.
 * What JavaScript still adds there is `public/forms.js`: forms marked `data-in-place` post without leaving the page,
 * focus goes where the reader must look after a post, and a form is not posted twice.
 */

/** The script public pages load instead of the runtime (public/forms.js). */
export const PUBLIC_PAGE_SCRIPT = "/forms.js";

/** Whether the page at this request path (as sent, query allowed) is a public page sent without the client runtime. */
export function isPublicPagePath(url: string | undefined): boolean {
  if (!url) return false;
  const queryAt = url.search(/[?#]/);
  const path = queryAt < 0 ? url : url.slice(0, queryAt);
  return /^\/(?:events\/[^/]+|legal|privacy)?$/.test(path);
}

// What Next.js writes into every page to start its client: the bundles (and their preloads, the nomodule
// polyfills), the Turbopack bootstrap, and the page's data for hydration pushed into `self.__next_f`. Nothing a
// reader or host wrote can match: React escapes `<` in text and attributes, and in the data (`\u003c`); Markdown is
// rendered without raw HTML and the thread's HTML is escaped (lib/comments/render-comment-thread.ts). React does not
// escape the text of a `<style>`: the only one on these pages holds the accent colour, forced to #rrggbb — a
// setting that let hosts write CSS would have to escape `<` there.
const RUNTIME_MARKUP = [
  /<script src="\/_next\/static\/[^"]*"[^>]*><\/script>/g,
  /<link rel="preload" as="script"[^>]* href="\/_next\/static\/[^"]*"[^>]*>/g,
  /<script id="_R_">\(globalThis\["TURBOPACK"\][\s\S]*?<\/script>/g,
  /<script>\(?self\.__next_f[\s\S]*?<\/script>/g,
];

/**
 * The page's HTML without Next.js's client runtime, with {@link PUBLIC_PAGE_SCRIPT} instead. Returned as it is:
 * a page with no `</head>` (not a document Next.js rendered), and the shell Next.js sends when the page failed or
 * was not found after its answer began (`__next_error__`), which only the runtime fills in.
 */
export function withoutClientRuntime(html: string): string {
  const headEnd = html.indexOf("</head>");
  if (headEnd < 0 || html.includes('id="__next_error__"')) return html;
  let page = `${html.slice(0, headEnd)}<script src="${PUBLIC_PAGE_SCRIPT}" defer></script>${html.slice(headEnd)}`;
  for (const markup of RUNTIME_MARKUP) page = page.replace(markup, "");
  return page;
}
