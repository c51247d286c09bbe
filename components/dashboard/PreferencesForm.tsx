"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { updatePreferencesAction, type PreferencesFormState } from "@/app/dashboard/account/actions";
import { initialFormState } from "@/lib/http/form-action";
import { locales } from "@/lib/i18n/locales";

/** A host's e-mail language and weekly digest; works without JavaScript. */
export function PreferencesForm({ saved, nudgeAfterDays }: { saved: { locale: string; digest: boolean }; nudgeAfterDays: number }) {
  const [state, formAction, pending] = useActionState(updatePreferencesAction, initialFormState() as PreferencesFormState);
  const t = useTranslations("dashboard");
  const tErrors = useTranslations("errors");
  const tSite = useTranslations("site");
  const values = state.status !== "idle" && state.values ? state.values : saved;
  return (
    <form key={state.submission} action={formAction} className="comment-form">
      <div role="status" aria-live="polite">
        {state.status === "done" && <p className="notice notice--success">{t("accountSaved")}</p>}
        {state.status === "error" && (
          <p className="notice notice--error" role="alert">
            {tErrors(state.messageKey)}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="preferences-locale">{t("emailLanguage")}</label>
        <select id="preferences-locale" name="locale" defaultValue={values.locale}>
          {locales.map((locale) => (
            <option key={locale} value={locale} lang={locale}>
              {tSite(`languageName.${locale}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field field--checkbox">
        <input id="preferences-digest" name="digest" type="checkbox" defaultChecked={values.digest} />
        <label htmlFor="preferences-digest">{t("digestOptIn", { days: nudgeAfterDays })}</label>
      </div>
      <button type="submit" className="button" disabled={pending}>
        {t("saveAccount")}
      </button>
    </form>
  );
}
