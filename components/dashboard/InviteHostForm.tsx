"use client";

import { useTranslations } from "next-intl";
import { inviteHostAction, type InviteFormState } from "@/app/dashboard/users/actions";
import { Field } from "@/components/forms/Field";
import { FormNotice, SubmitButton } from "@/components/forms/FormNotice";
import { useFormAction } from "@/components/forms/use-form-action";

export function InviteHostForm() {
  const { state, formAction, pending, form, message, error } = useFormAction<InviteFormState>(inviteHostAction);
  const t = useTranslations("users");
  return (
    <form ref={form} action={formAction} className="comment-form" key={state.submission}>
      <FormNotice
        state={state}
        pending={pending}
        success={state.status === "done" && t("invited", { email: state.values?.email ?? "" })}
        quietOnFieldErrors
        messageRef={message}
      />
      <Field
        name="email"
        label={t("email")}
        type="email"
        required
        defaultValue={state.status === "error" ? state.values.email : undefined}
        error={error("email")}
        idPrefix="invite"
      />
      <div className="field">
        <label htmlFor="invite-role">{t("role.title")}</label>
        <select id="invite-role" name="role" defaultValue={state.status === "error" ? state.values.role : "HOST"}>
          <option value="HOST">{t("role.HOST")}</option>
          <option value="ADMIN">{t("role.ADMIN")}</option>
        </select>
      </div>
      <SubmitButton pending={pending}>{t("invite")}</SubmitButton>
    </form>
  );
}
