import { translatorFor } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locales";
import { DEFAULT_BRAND, renderEmailHtml, type EmailBrand } from "./render-email";

/** An admin's invitation to host: the link to choose one's public name and password, valid 7 days. */
export function hostInvitationEmail(options: { locale: Locale; brand?: EmailBrand; inviterName: string | null; acceptUrl: string }) {
  const t = translatorFor(options.locale, "emails.invitation");
  const brand = options.brand ?? DEFAULT_BRAND;
  const paragraphs = [
    t("greeting"),
    options.inviterName
      ? t("introBy", { name: options.inviterName, organisation: brand.organisationName })
      : t("intro", { organisation: brand.organisationName }),
    t("expiry"),
  ];
  const footer = t("footer");
  return {
    subject: t("subject", { organisation: brand.organisationName }),
    text: [brand.organisationName, ...paragraphs, t("actionLine", { url: options.acceptUrl }), footer].join("\n\n"),
    html: renderEmailHtml({ lang: options.locale, brand, paragraphs, action: { label: t("action"), url: options.acceptUrl }, footer }),
  };
}
