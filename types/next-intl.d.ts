import type { Locale } from "@/lib/i18n/locales";
import type en from "@/messages/en.json";

/**
 * next-intl's types for this app: every key given to `t(…)` (useTranslations, getTranslations, translatorFor) is
 * checked against messages/en.json, and lib/i18n/messages.ts makes fr.json match it; locales are ours.
 */
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof en;
  }
}
