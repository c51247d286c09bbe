import { describe, expect, it } from "vitest";
import { renderEmailHtml } from "@/lib/notifications/templates/render-email";
import { accentPalette, contrastRatio } from "@/lib/settings/accent-colors";

describe("the organisation's colour on the site", () => {
  it.each(["#1f5fae", "#ffeb3b", "#00ff00", "#ff8800", "#000000", "#ffffff", "#7fb0ff"])(
    "%s stays readable: links 4.5:1 on the page, button text 4.5:1 on it",
    (color) => {
      const { accent, accentText } = accentPalette(color);
      expect(contrastRatio(accent, "#fbfaf7")).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(accent, accentText)).toBeGreaterThanOrEqual(4.5);
    },
  );

  it("keeps a colour that is already readable as it is", () => {
    expect(accentPalette("#1f5fae").accent).toBe("#1f5fae");
  });
});

describe("the organisation's colour in e-mails", () => {
  it.each(["#ffff00", "#f0f0f0", "#00ff00", "#1f5fae", "#000000", "not a colour"])("%s: the button and the links read as on the site", (color) => {
    const html = renderEmailHtml({
      lang: "fr",
      brand: { organisationName: "Asso", logoUrl: null, accentColor: color },
      paragraphs: ["Bonjour"],
      items: [{ text: "Diapositives", link: { label: "ouvrir", url: "https://example.org/a" } }],
      action: { label: "Lire le compte rendu", url: "https://example.org/r" },
      footer: "—",
    });
    const button = /background:(#[0-9a-f]{6});color:(#[0-9a-f]{6})/.exec(html)!;
    expect(contrastRatio(button[1], button[2])).toBeGreaterThanOrEqual(4.5);
    for (const [, link] of html.matchAll(/<a [^>]*style="color:(#[0-9a-f]{6})/g)) expect(contrastRatio(link, "#ffffff")).toBeGreaterThanOrEqual(4.5);
    expect(html.match(/<a [^>]*style="color:/g)?.length).toBe(1);
  });
});
