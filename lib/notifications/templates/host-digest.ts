import { translatorFor } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locales";
import { formatShortDate } from "@/lib/i18n/format-dates";
import { DEFAULT_BRAND, renderEmailHtml, type EmailBrand } from "./render-email";

/** One event in a host's digest: people have been waiting for its recap for more than the nudge delay. */
export type DigestEvent = { title: string; editorUrl: string; waiting: number; waitingSince: string; timeZone: string };

/** The weekly "people are waiting for a recap" e-mail to a host, in the host's language. */
export function hostDigestEmail(options: { locale: Locale; brand?: EmailBrand; name: string; events: DigestEvent[]; optOutUrl: string }) {
  const brand = options.brand ?? DEFAULT_BRAND;
  const t = translatorFor(options.locale, "emails.hostDigest");
  const items = options.events.map((event) => ({
    text: t("eventLine", {
      event: event.title,
      count: event.waiting,
      since: formatShortDate(new Date(event.waitingSince), event.timeZone, options.locale),
    }),
    link: { label: t("openEditor"), url: event.editorUrl },
  }));
  const intro = [t("greeting", { name: options.name }), t("intro", { count: options.events.length })];
  const footer = t("footer", { url: options.optOutUrl });
  return {
    subject: t("subject", { count: options.events.reduce((sum, event) => sum + event.waiting, 0) }),
    text: [
      brand.organisationName,
      ...intro,
      ...items.map((item) => `- ${item.text}\n  ${t("linkLine", { label: item.link.label, url: item.link.url })}`),
      t("outro"),
      footer,
    ].join("\n\n"),
    html: renderEmailHtml({ lang: options.locale, brand, paragraphs: [...intro], items, footer: `${t("outro")} ${footer}`, footerUrl: options.optOutUrl }),
  };
}
