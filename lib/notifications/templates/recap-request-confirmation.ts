import { translatorFor } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locales";
import { DEFAULT_BRAND, renderEmailHtml, type EmailBrand } from "./render-email";

/** The double opt-in e-mail: one link that confirms the request, in the requester's language. */
export function recapRequestConfirmationEmail(options: { locale: Locale; brand?: EmailBrand; eventTitle: string; confirmUrl: string; name?: string | null }) {
  const t = translatorFor(options.locale, "emails.recapConfirmation");
  const brand = options.brand ?? DEFAULT_BRAND;
  const greeting = options.name ? t("greetingNamed", { name: options.name }) : t("greeting");
  const paragraphs = [greeting, t("intro", { event: options.eventTitle, organisation: brand.organisationName }), t("expiry")];
  const footer = t("footer");
  return {
    subject: t("subject", { event: options.eventTitle }),
    text: [brand.organisationName, ...paragraphs, t("actionLine", { url: options.confirmUrl }), footer].join("\n\n"),
    html: renderEmailHtml({ lang: options.locale, brand, paragraphs, action: { label: t("action"), url: options.confirmUrl }, footer }),
  };
}
