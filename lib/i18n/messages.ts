import { createTranslator } from "next-intl";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import type { Locale } from "./locales";

export const messagesByLocale = { fr, en } as const;

export type Translate = (key: string, values?: Record<string, string | number | Date>) => string;

/** A translator usable outside React (route handlers, e-mails); keys are checked by the locales test. */
export function translatorFor(locale: Locale, namespace?: string): Translate {
  const translate = createTranslator({ locale, messages: messagesByLocale[locale], namespace: namespace as never });
  return (key, values) => (translate as unknown as Translate)(key, values);
}
