"use client";

import { useTranslations } from "next-intl";
import { locales } from "@/lib/i18n/locales";

/** A language chosen from the site's locales, each named in its own language. */
export function LocaleSelect(props: { id: string; name: string; label: string; defaultValue: string }) {
  const tSite = useTranslations("site");
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} name={props.name} defaultValue={props.defaultValue}>
        {locales.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {tSite(`languageName.${locale}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
