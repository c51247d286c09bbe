import { translatorFor } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locales";
import { renderEmailHtml } from "./render-email";

/** First ~300 characters of the recap as plain text, for the e-mail. */
export function recapExcerpt(markdown: string, length = 300): string {
  const plain = markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`>#~]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return plain.length > length ? `${plain.slice(0, length).replace(/\s+\S*$/, "")}…` : plain;
}

/** "The recap is online": excerpt, link to the event page, the typed links, and a one-click unsubscribe. */
export function recapPublishedEmail(options: {
  locale: Locale;
  eventTitle: string;
  recapUrl: string;
  excerpt: string;
  links: { kind: string; title: string; url: string }[];
  manageUrl: string;
  name?: string | null;
}) {
  const t = translatorFor(options.locale, "emails.recapPublished");
  const greeting = options.name ? t("greetingNamed", { name: options.name }) : t("greeting");
  const linkLines = options.links.map((link) => `${t(`kind${link.kind}`)} — ${link.title} : ${link.url}`);
  const paragraphs = [greeting, t("intro", { event: options.eventTitle }), options.excerpt, ...linkLines];
  const footer = t("footer", { url: options.manageUrl });
  return {
    subject: t("subject", { event: options.eventTitle }),
    text: [...paragraphs, t("actionLine", { url: options.recapUrl }), footer].join("\n\n"),
    html: renderEmailHtml({ lang: options.locale, paragraphs, action: { label: t("action"), url: options.recapUrl }, footer }),
  };
}
