import TurndownService from "turndown";

let service: TurndownService | null = null;

function converter(): TurndownService {
  if (service) return service;
  service = new TurndownService({ headingStyle: "atx", bulletListMarker: "-", emDelimiter: "*", codeBlockStyle: "fenced" });
  // Nothing executable or embedded survives; the topic renderer would drop raw HTML anyway.
  service.remove(["script", "style", "iframe", "object", "embed", "form", "input", "button", "select", "textarea", "noscript", "template"]);
  // Images are not shown on event pages: their description stays, as text.
  service.addRule("image", { filter: "img", replacement: (_content, node) => ((node as HTMLElement).getAttribute("alt") ?? "").trim() });
  // Only web and e-mail links stay links; others become their text.
  service.addRule("safeLink", {
    filter: (node) => node.nodeName === "A",
    replacement: (content, node) => {
      const href = ((node as HTMLElement).getAttribute("href") ?? "").trim();
      if (!/^(https?:|mailto:)/i.test(href) || !content.trim()) return content;
      return `[${content.replace(/([[\]])/g, "\\$1")}](${href.replace(/[()\s]/g, encodeURIComponent)})`;
    },
  });
  return service;
}

/**
 * WordPress post or comment HTML (block markup, classic editor, shortcodes) as the Markdown subset Debrief
 * renders: paragraphs, emphasis, headings, lists, quotes and links. Shortcodes ([gallery], [caption]…) and block
 * comments are dropped, scripts and embeds removed.
 */
export function htmlToMarkdown(html: string): string {
  const withoutShortcodes = html.replace(/<!--[\s\S]*?-->/g, "").replace(/\[\/?[a-zA-Z][\w-]*(?:\s[^\]]*)?\]/g, "");
  // WordPress's classic editor writes paragraphs as blank lines, not <p>.
  const paragraphs = /<(p|div|ul|ol|h[1-6]|blockquote|figure)\b/i.test(withoutShortcodes)
    ? withoutShortcodes
    : withoutShortcodes
        .split(/\n\s*\n/)
        .map((block) => `<p>${block.replace(/\n/g, "<br>")}</p>`)
        .join("");
  return (
    converter()
      .turndown(paragraphs)
      // "-   item" (Turndown aligns list text) written as people write it: "- item".
      .replace(/^(\s*)(-|\d+\.)\s{2,}/gm, "$1$2 ")
      .replace(/\n{3,}/g, "\n\n")
      .trim()
  );
}

/** The text of some HTML, one line a paragraph (for summaries and for reading dates). */
export function htmlToText(html: string): string {
  return htmlToMarkdown(html)
    .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, "$1")
    .replace(/[*_`#>]/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/^\s*-\s+/gm, "")
    .replace(/[ \t]+/g, " ")
    .replace(/\s*\n\s*/g, "\n")
    .trim();
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  laquo: "«",
  raquo: "»",
  rsquo: "’",
  lsquo: "‘",
  rdquo: "”",
  ldquo: "“",
  hellip: "…",
  ndash: "–",
  mdash: "—",
  eacute: "é",
  egrave: "è",
  ecirc: "ê",
  agrave: "à",
  acirc: "â",
  ccedil: "ç",
  ocirc: "ô",
  ucirc: "û",
  icirc: "î",
  euro: "€",
};

/** Text WordPress stored with HTML entities (titles and names saved through its filters: "Q&amp;A") as plain text. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (match, entity: string) => {
    if (entity[0] === "#") {
      const code = entity[1] === "x" || entity[1] === "X" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : match;
    }
    return NAMED_ENTITIES[entity.toLowerCase()] ?? match;
  });
}
