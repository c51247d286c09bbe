import { createTranslator } from "next-intl";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import type { Locale } from "./locales";

export const messagesByLocale = { fr, en } as const;

export type Translate = (key: string, values?: Record<string, string | number | Date>) => string;

const translators = new Map<string, Translate>();

/**
 * A translator usable outside React (route handlers, e-mails); keys are checked by the locales test.
 * Built once per language and namespace: building one costs far more than using it, and the worker
 * renders thousands of e-mails a minute.
 */
export function translatorFor(locale: Locale, namespace?: string): Translate {
  const key = `${locale}|${namespace ?? ""}`;
  let translator = translators.get(key);
  if (!translator) {
    const translate = createTranslator({ locale, messages: messagesByLocale[locale], namespace: namespace as never }) as unknown as Translate;
    translator = (messageKey, values) => translate(messageKey, values);
    translators.set(key, translator);
  }
  return translator;
}
