import type { RecapLinkKind } from "@/lib/generated/prisma/client";
import { translatorFor } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locales";
import { markdownExcerpt, markdownToPlainText, renderEmailMarkdown } from "@/lib/markdown/render-email-markdown";
import { DEFAULT_BRAND, renderEmailHtml, type EmailBrand } from "./render-email";
import { accentPalette } from "@/lib/settings/accent-colors";

type RecapEmailContent = {
  locale: Locale;
  brand?: EmailBrand;
  eventTitle: string;
  recapUrl: string;
  recapMarkdown: string;
  links: { kind: RecapLinkKind; title: string; url: string }[];
};

type Recipient = { manageUrl: string; name?: string | null };

/**
 * "The recap is online": the recap's first part rendered from its Markdown (paragraphs, lists, links), its typed
 * links, the button to the page, and the footer with the manage link. The plain-text part says the same.
 */
export function recapPublishedEmail(options: RecapEmailContent & Recipient) {
  return recapPublishedEmails(options)(options);
}

/**
 * The same e-mail for many recipients of one recap in one language: what all of them share (the Markdown
 * rendered, the links, the texts) is prepared once, and each call adds one person's greeting and manage link.
 */
export function recapPublishedEmails(options: RecapEmailContent): (recipient: Recipient) => { subject: string; text: string; html: string } {
  const t = translatorFor(options.locale, "emails.recapPublished");
  const brand = options.brand ?? DEFAULT_BRAND;
  const excerpt = markdownExcerpt(options.recapMarkdown);
  const more = excerpt.truncated ? `\n\n${t("readMore")}` : "";
  const items = options.links.map((link) => ({ text: `${t(`kind${link.kind}`)} —`, link: { label: link.title, url: link.url } }));
  const intro = t("intro", { event: options.eventTitle });
  const subject = t("subject", { event: options.eventTitle });
  const recapText = `${markdownToPlainText(excerpt.text)}${more}`;
  const linkLines = options.links.map((link) => `- ${t(`kind${link.kind}`)} — ${link.title}\n  ${link.url}`);
  const actionLine = t("actionLine", { url: options.recapUrl });
  const richHtml =
    renderEmailMarkdown(excerpt.text, accentPalette(brand.accentColor).accent) +
    (excerpt.truncated ? `<p style="margin:0;color:#5b6170">${t("readMore")}</p>` : "");
  const action = { label: t("action"), url: options.recapUrl };
  const anonymousGreeting = t("greeting");
  return (recipient) => {
    const greeting = recipient.name ? t("greetingNamed", { name: recipient.name }) : anonymousGreeting;
    const footer = t("footer", { url: recipient.manageUrl, organisation: brand.organisationName });
    return {
      subject,
      text: [brand.organisationName, greeting, intro, recapText, ...linkLines, actionLine, footer].join("\n\n"),
      html: renderEmailHtml({ lang: options.locale, brand, paragraphs: [greeting, intro], richHtml, items, action, footer, footerUrl: recipient.manageUrl }),
    };
  };
}
