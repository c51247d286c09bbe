"use client";

import { useTranslations } from "next-intl";
import { updateProfileAction, type ProfileFormState } from "@/app/dashboard/account/actions";
import { Field, NameField, NewPasswordField } from "@/components/forms/Field";
import { FormNotice, SubmitButton } from "@/components/forms/FormNotice";
import { useFormAction } from "@/components/forms/use-form-action";

/** A host's public name (what their replies show), e-mail and password. */
export function ProfileForm({ saved }: { saved: { name: string; email: string } }) {
  const { state, formAction, pending, form, message, error } = useFormAction<ProfileFormState>(updateProfileAction);
  const t = useTranslations("account");
  const values = state.status !== "idle" && state.values ? state.values : saved;
  return (
    <form ref={form} action={formAction} className="comment-form" key={state.submission}>
      <FormNotice state={state} pending={pending} success={t("saved")} quietOnFieldErrors messageRef={message} />
      <NameField label={t("name")} hint={t("nameHint")} defaultValue={values.name} error={error("name")} idPrefix="profile" />
      <Field name="email" label={t("email")} type="email" required autoComplete="email" defaultValue={values.email} error={error("email")} idPrefix="profile" />
      <NewPasswordField name="newPassword" label={t("newPassword")} hint={t("newPasswordHint")} error={error("newPassword")} idPrefix="profile" />
      <Field
        name="currentPassword"
        label={t("currentPassword")}
        hint={t("currentPasswordHint")}
        type="password"
        autoComplete="current-password"
        error={error("currentPassword")}
        idPrefix="profile"
      />
      <SubmitButton pending={pending}>{t("save")}</SubmitButton>
    </form>
  );
}
