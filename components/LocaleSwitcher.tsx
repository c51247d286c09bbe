"use client";

import { usePathname } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { setLocale } from "@/app/actions";
import { locales } from "@/lib/i18n/locales";

const LANGUAGE_NAMES = { fr: "Français", en: "English" } as const;

/** Language buttons in a plain form, so switching works with and without JavaScript. */
export function LocaleSwitcher() {
  const locale = useLocale();
  const pathname = usePathname();
  const t = useTranslations("site");
  return (
    <form action={setLocale} className="locale-switcher" aria-label={t("language")}>
      <input type="hidden" name="returnTo" value={pathname} />
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
