import { createTranslator, type Messages, type NamespaceKeys, type NestedKeyOf } from "next-intl";
import type { ErrorKey } from "@/lib/errors";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import type { Locale } from "./locales";

/** Every language's messages; the compiler refuses a catalogue that lacks one of the English keys (types/next-intl.d.ts). */
export const messagesByLocale = { fr, en } as const satisfies Record<Locale, Messages>;

/** A part of the messages a translator can be limited to: "errors", "emails.invitation"… */
export type TranslatorNamespace = NamespaceKeys<Messages, NestedKeyOf<Messages>>;

/** A translator for a namespace: the compiler checks each key it is given exists there. */
export type Translate<Namespace extends TranslatorNamespace = never> = ReturnType<typeof createTranslator<Messages, Namespace>>;

const translators = new Map<string, unknown>();

/**
 * A translator usable outside React (route handlers, e-mails); keys are checked by the compiler.
 * Built once per language and namespace: building one costs far more than using it, and the worker
 * renders thousands of e-mails a minute.
 */
export function translatorFor<Namespace extends TranslatorNamespace = never>(locale: Locale, namespace?: Namespace): Translate<Namespace> {
  const key = `${locale}|${namespace ?? ""}`;
  // The cache holds translators of every namespace; this key only ever holds this namespace's.
  let translator = translators.get(key) as Translate<Namespace> | undefined;
  if (!translator) {
    translator = createTranslator<Messages, Namespace>({ locale, messages: messagesByLocale[locale], namespace });
    translators.set(key, translator);
  }
  return translator;
}

/**
 * Whether a key that arrives as a plain string (a page's query string) names a message
 * directly under `group`, a part of the messages (`messagesByLocale.en.users.done`). Keys in the code are typed
 * (types/next-intl.d.ts); this is for the few that come from outside it.
 */
export function isKeyOf<Group extends object>(group: Group, key: unknown): key is Extract<keyof Group, string> {
  return typeof key === "string" && Object.hasOwn(group, key);
}

/**
 * A message key that comes from outside (a page's `?error=…`, set by a redirect): itself when it names a message
 * under "errors", else the generic "unexpected" — never a raw key, never a message the code did not mean.
 */
export function knownErrorKey(key: string): ErrorKey {
  return isKeyOf(messagesByLocale.en.errors, key) ? key : "unexpected";
}
