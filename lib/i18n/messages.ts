import { createTranslator } from "next-intl";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import type { Locale } from "./locales";

export const messagesByLocale = { fr, en } as const;

/** A translator usable outside React (route handlers, e-mails). */
export function translatorFor(locale: Locale, namespace?: string) {
  return createTranslator({ locale, messages: messagesByLocale[locale], namespace: namespace as never });
}
