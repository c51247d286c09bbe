import MarkdownIt from "markdown-it";

const SAFE_URL = /^(https?:\/\/|mailto:)/i;

// E-mail clients ignore stylesheets: each element gets its style inline. No raw HTML, no images.
const STYLES: Record<string, string> = {
  p: "margin:0 0 14px",
  h1: "font-size:20px;margin:20px 0 10px",
  h2: "font-size:18px;margin:20px 0 10px",
  h3: "font-size:16px;margin:16px 0 8px",
  h4: "font-size:15px;margin:14px 0 6px",
  ul: "margin:0 0 14px;padding-left:22px",
  ol: "margin:0 0 14px;padding-left:22px",
  li: "margin:0 0 6px",
  blockquote: "margin:0 0 14px;padding-left:12px;border-left:3px solid #dedbd2;color:#5b6170",
  a: "color:var(--accent);word-break:break-word",
  code: "font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px",
  pre: "white-space:pre-wrap;margin:0 0 14px",
  table: "border-collapse:collapse;margin:0 0 14px",
  th: "border:1px solid #dedbd2;padding:4px 8px;text-align:left",
  td: "border:1px solid #dedbd2;padding:4px 8px",
};

function emailMarkdown(accent: string) {
  const md = new MarkdownIt("commonmark", { html: false, linkify: true }).enable(["linkify", "strikethrough", "table"]).disable("image");
  md.validateLink = (url) => SAFE_URL.test(url.trim());
  const style = (tag: string) => (STYLES[tag] ?? "").replace("var(--accent)", accent);
  const original = md.renderer.renderToken.bind(md.renderer);
  md.renderer.renderToken = (tokens, index, options) => {
    const token = tokens[index];
    if (token.nesting !== -1 && STYLES[token.tag]) token.attrSet("style", style(token.tag));
    return original(tokens, index, options);
  };
  return md;
}

const renderers = new Map<string, InstanceType<typeof MarkdownIt>>();

/** A host's Markdown as e-mail HTML: paragraphs, headings, lists, quotes and links, styled inline; nothing raw. */
export function renderEmailMarkdown(source: string, accent = "#1f5fae"): string {
  let md = renderers.get(accent);
  if (!md) {
    md = emailMarkdown(accent);
    renderers.set(accent, md);
  }
  return md.render(source);
}

/**
 * The same Markdown as the plain-text part: paragraphs and list items on their own lines, "- " bullets,
 * links written "text (address)", emphasis and headings' markers removed.
 */
export function markdownToPlainText(source: string): string {
  return source
    .replace(/\r\n/g, "\n")
    .replace(/^#{1,6}\s+(.*)$/gm, (_match, title: string) => title.toUpperCase())
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g, (_match, text: string, url: string) => (text === url ? url : `${text} (${url})`))
    .replace(/^\s*[*+]\s+/gm, "- ")
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/(?<![\w*])[*_](?!\s)(.+?)(?<!\s)[*_](?![\w*])/g, "$1")
    .replace(/`([^`]+)`/g, "$1")
    .replace(/^>\s?/gm, "  ")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** The first part of a recap for its e-mail: whole blocks up to about `length` characters, then "…". */
export function markdownExcerpt(source: string, length = 1200): { text: string; truncated: boolean } {
  const blocks = source
    .replace(/\r\n/g, "\n")
    .trim()
    .split(/\n{2,}/);
  const kept: string[] = [];
  let size = 0;
  for (const block of blocks) {
    if (kept.length > 0 && size + block.length > length) return { text: kept.join("\n\n"), truncated: true };
    kept.push(block);
    size += block.length;
  }
  return { text: kept.join("\n\n"), truncated: false };
}
