import { describe, expect, it } from "vitest";
import { previewRecapHtml } from "@/lib/recaps/preview-recap";

// The recap editor's preview: the recap as readers will see it, before it is saved.
describe("the recap preview", () => {
  it("shows the text as Markdown and each complete link with its kind, in the host's language, in order", () => {
    const recap = {
      body: "## Ce qui s'est dit\n\nLe **clickactivism** a fait débat.",
      links: [
        { kind: "SLIDES", title: "  Les diapositives ", url: " https://example.org/slides.pdf " },
        { kind: "VIDEO", title: "La vidéo", url: "HTTP://example.org/video" },
        { kind: "UNKNOWN", title: "Le tableau", url: "https://example.org/tableau" },
      ],
    };
    expect(previewRecapHtml(recap, "fr")).toBe(
      "<h2>Ce qui s'est dit</h2>\n<p>Le <strong>clickactivism</strong> a fait débat.</p>\n" +
        '<ul class="recap__links">' +
        '<li><span class="badge">Diapositives</span> <a href="https://example.org/slides.pdf" rel="noopener">Les diapositives</a></li>' +
        '<li><span class="badge">Vidéo</span> <a href="HTTP://example.org/video" rel="noopener">La vidéo</a></li>' +
        '<li><a href="https://example.org/tableau" rel="noopener">Le tableau</a></li>' +
        "</ul>",
    );
    expect(previewRecapHtml({ body: "", links: [recap.links[0]] }, "en")).toContain('<span class="badge">Slides</span>');
  });

  it("leaves out a link still being typed (no title, or not a web address) and escapes what the host wrote", () => {
    const html = previewRecapHtml(
      {
        body: "Merci",
        links: [
          { kind: "SLIDES", title: "  ", url: "https://example.org/sans-titre" },
          { kind: "SLIDES", title: "Script", url: "javascript:alert(1)" },
          { kind: "SLIDES", title: "Relatif", url: "/slides.pdf" },
          { kind: "DOCUMENT", title: '<img src=x onerror="alert(1)">', url: 'https://example.org/?a="b"&c' },
        ],
      },
      "fr",
    );
    expect(html).toBe(
      "<p>Merci</p>\n" +
        '<ul class="recap__links"><li><span class="badge">Document</span> ' +
        '<a href="https://example.org/?a=&quot;b&quot;&amp;c" rel="noopener">&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</a></li></ul>',
    );
    expect(previewRecapHtml({ body: "Merci", links: [] }, "fr")).toBe("<p>Merci</p>\n");
  });
});
