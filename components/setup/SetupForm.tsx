"use client";

import { useTranslations } from "next-intl";
import { completeSetupAction, type SetupFormState } from "@/app/setup/actions";
import { Field, NameField, NewPasswordField } from "@/components/forms/Field";
import { FormNotice, SubmitButton } from "@/components/forms/FormNotice";
import { useFormAction } from "@/components/forms/use-form-action";

export function SetupForm({ token }: { token: string }) {
  const { state, formAction, pending, form, message, error } = useFormAction<SetupFormState>(completeSetupAction);
  const t = useTranslations("setup");
  const values = state.status === "error" ? state.values : undefined;
  return (
    <form ref={form} action={formAction} className="comment-form" key={state.submission}>
      <FormNotice state={state} messageRef={message} />
      <input type="hidden" name="token" value={token} />
      <Field
        name="organisationName"
        label={t("organisationName")}
        hint={t("organisationNameHint")}
        required
        maxLength={120}
        defaultValue={values?.organisationName}
        error={error("organisationName")}
        idPrefix="setup"
      />
      <NameField label={t("name")} hint={t("nameHint")} defaultValue={values?.name} error={error("name")} idPrefix="setup" />
      <Field name="email" label={t("email")} type="email" required autoComplete="email" defaultValue={values?.email} error={error("email")} idPrefix="setup" />
      <NewPasswordField label={t("password")} hint={t("passwordHint")} required error={error("password")} idPrefix="setup" />
      <SubmitButton pending={pending}>{t("submit")}</SubmitButton>
    </form>
  );
}
