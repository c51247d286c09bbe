"use client";

import { useActionState, useRef } from "react";
import { useTranslations } from "next-intl";
import { inviteHostAction, type InviteFormState } from "@/app/dashboard/users/actions";
import { Field } from "@/components/forms/Field";
import { useFormFocus } from "@/components/forms/use-form-focus";
import { initialFormState } from "@/lib/http/form-action";

export function InviteHostForm() {
  const [state, formAction, pending] = useActionState(inviteHostAction, initialFormState() as InviteFormState);
  const t = useTranslations("users");
  const tErrors = useTranslations("errors");
  const form = useRef<HTMLFormElement>(null);
  const message = useFormFocus(state, form);
  const error = (field: string) => (state.status === "error" ? state.fieldErrors?.[field]?.[0] : undefined);
  return (
    <form ref={form} action={formAction} className="comment-form" key={state.submission}>
      <div role="status" aria-live="polite">
        {state.status === "done" && (
          <p className="notice notice--success" tabIndex={-1} ref={message}>
            {t("invited", { email: state.values?.email ?? "" })}
          </p>
        )}
        {state.status === "error" && !state.fieldErrors && (
          <p className="notice notice--error" role="alert" tabIndex={-1} ref={message}>
            {tErrors(state.messageKey)}
          </p>
        )}
      </div>
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
      <button type="submit" className="button" disabled={pending}>
        {t("invite")}
      </button>
    </form>
  );
}
