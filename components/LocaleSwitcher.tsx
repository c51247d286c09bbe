"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { setLocale } from "@/app/actions";
import { locales, type Locale } from "@/lib/i18n/locales";

const LANGUAGE_NAMES = { fr: "Français", en: "English" } as const;

/**
 * Language buttons in a plain form, so switching works with and without JavaScript, and returns to the same page
 * with its query (a confirmation link's token, a page of comments, a moderation tab). The layout translates its
 * label: no message catalogue reaches the browser for it (lib/i18n/client-messages.ts).
 */
export function LocaleSwitcher({ locale, label }: { locale: Locale; label: string }) {
  const pathname = usePathname();
  const query = useSearchParams().toString();
  const returnTo = query ? `${pathname}?${query}` : pathname;
  return (
    <form action={setLocale} className="locale-switcher" aria-label={label}>
      <input type="hidden" name="returnTo" value={returnTo} />
      {locales.map((candidate) => (
        <button
          key={candidate}
          type="submit"
          name="locale"
          value={candidate}
          lang={candidate}
          aria-pressed={candidate === locale}
          disabled={candidate === locale}
        >
          {LANGUAGE_NAMES[candidate]}
        </button>
      ))}
    </form>
  );
}
