import MarkdownIt from "markdown-it";

const SAFE_URL = /^(https?:\/\/|mailto:)/i;

function configure(md: InstanceType<typeof MarkdownIt>, rel: string) {
  // Only http(s) and mailto links survive; javascript:, data:, vbscript: and relative tricks render as text.
  md.validateLink = (url) => SAFE_URL.test(url.trim());
  md.renderer.rules.link_open = (tokens, index, options, _env, self) => {
    tokens[index].attrSet("rel", rel);
    return self.renderToken(tokens, index, options);
  };
  return md;
}

// Readers' comments: a small subset, no raw HTML, no images (which would make readers' browsers
// fetch third-party URLs), no headings or tables.
const commentMarkdown = configure(
  new MarkdownIt("zero", { html: false, linkify: true, breaks: true }).enable([
    "paragraph",
    "blockquote",
    "list",
    "code",
    "fence",
    "newline",
    "emphasis",
    "strikethrough",
    "backticks",
    "link",
    "autolink",
    "escape",
    "entity",
    "linkify",
  ]),
  "nofollow ugc noopener",
);

// Hosts' topic texts: CommonMark without raw HTML and without images, for the same privacy reason.
const topicMarkdown = configure(
  new MarkdownIt("commonmark", { html: false, linkify: true }).enable(["linkify", "strikethrough", "table"]).disable("image"),
  "noopener",
);

export function renderCommentMarkdown(source: string): string {
  return commentMarkdown.render(source);
}

export function renderTopicMarkdown(source: string): string {
  return topicMarkdown.render(source);
}
