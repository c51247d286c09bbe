"use client";

import { useTranslations } from "next-intl";
import { updatePreferencesAction, type PreferencesFormState } from "@/app/dashboard/account/actions";
import { FormNotice, SubmitButton } from "@/components/forms/FormNotice";
import { LocaleSelect } from "@/components/forms/LocaleSelect";
import { useFormAction } from "@/components/forms/use-form-action";

/** A host's e-mail language and weekly digest; works without JavaScript. */
export function PreferencesForm({ saved, nudgeAfterDays }: { saved: { locale: string; digest: boolean }; nudgeAfterDays: number }) {
  const { state, formAction, pending, form, message } = useFormAction<PreferencesFormState>(updatePreferencesAction);
  const t = useTranslations("dashboard");
  const values = state.status !== "idle" && state.values ? state.values : saved;
  return (
    <form ref={form} key={state.submission} action={formAction} className="comment-form">
      <FormNotice state={state} pending={pending} success={t("accountSaved")} messageRef={message} />
      <LocaleSelect id="preferences-locale" name="locale" label={t("emailLanguage")} defaultValue={values.locale} />
      <div className="field field--checkbox">
        <input id="preferences-digest" name="digest" type="checkbox" defaultChecked={values.digest} />
        <label htmlFor="preferences-digest">{t("digestOptIn", { days: nudgeAfterDays })}</label>
      </div>
      <SubmitButton pending={pending}>{t("saveAccount")}</SubmitButton>
    </form>
  );
}
