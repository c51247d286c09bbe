import { translatorFor } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locales";
import { markdownExcerpt, markdownToPlainText, renderEmailMarkdown } from "@/lib/markdown/render-email-markdown";
import { DEFAULT_BRAND, renderEmailHtml, type EmailBrand } from "./render-email";
import { accentPalette } from "@/lib/settings/accent-colors";

/**
 * "The recap is online": the recap's first part rendered from its Markdown (paragraphs, lists, links), its typed
 * links, the button to the page, and the footer with the manage link. The plain-text part says the same.
 */
export function recapPublishedEmail(options: {
  locale: Locale;
  brand?: EmailBrand;
  eventTitle: string;
  recapUrl: string;
  recapMarkdown: string;
  links: { kind: string; title: string; url: string }[];
  manageUrl: string;
  name?: string | null;
}) {
  const t = translatorFor(options.locale, "emails.recapPublished");
  const brand = options.brand ?? DEFAULT_BRAND;
  const greeting = options.name ? t("greetingNamed", { name: options.name }) : t("greeting");
  const excerpt = markdownExcerpt(options.recapMarkdown);
  const more = excerpt.truncated ? `\n\n${t("readMore")}` : "";
  const items = options.links.map((link) => ({ text: `${t(`kind${link.kind}`)} —`, link: { label: link.title, url: link.url } }));
  const intro = t("intro", { event: options.eventTitle });
  const footer = t("footer", { url: options.manageUrl, organisation: brand.organisationName });
  const text = [
    brand.organisationName,
    greeting,
    intro,
    `${markdownToPlainText(excerpt.text)}${more}`,
    ...options.links.map((link) => `- ${t(`kind${link.kind}`)} — ${link.title}\n  ${link.url}`),
    t("actionLine", { url: options.recapUrl }),
    footer,
  ].join("\n\n");
  return {
    subject: t("subject", { event: options.eventTitle }),
    text,
    html: renderEmailHtml({
      lang: options.locale,
      brand,
      paragraphs: [greeting, intro],
      richHtml: renderEmailMarkdown(excerpt.text, accentPalette(brand.accentColor).accent) + (excerpt.truncated ? `<p style="margin:0;color:#5b6170">${t("readMore")}</p>` : ""),
      items,
      action: { label: t("action"), url: options.recapUrl },
      footer,
    }),
  };
}
