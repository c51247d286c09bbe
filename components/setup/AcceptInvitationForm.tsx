"use client";

import { useTranslations } from "next-intl";
import { acceptInvitationAction, type AcceptInvitationFormState } from "@/app/invitations/accept/actions";
import { NameField, NewPasswordField } from "@/components/forms/Field";
import { FormNotice, SubmitButton } from "@/components/forms/FormNotice";
import { useFormAction } from "@/components/forms/use-form-action";

export function AcceptInvitationForm({ token }: { token: string }) {
  const { state, formAction, pending, form, message, error } = useFormAction<AcceptInvitationFormState>(acceptInvitationAction);
  const t = useTranslations("invitation");
  return (
    <form ref={form} action={formAction} className="comment-form" key={state.submission}>
      <FormNotice state={state} messageRef={message} />
      <input type="hidden" name="token" value={token} />
      <NameField
        label={t("name")}
        hint={t("nameHint")}
        defaultValue={state.status === "error" ? state.values.name : undefined}
        error={error("name")}
        idPrefix="invitation"
      />
      <NewPasswordField label={t("password")} hint={t("passwordHint")} required error={error("password")} idPrefix="invitation" />
      <SubmitButton pending={pending}>{t("submit")}</SubmitButton>
    </form>
  );
}
