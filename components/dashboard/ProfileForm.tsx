"use client";

import { useActionState, useRef } from "react";
import { useTranslations } from "next-intl";
import { updateProfileAction, type ProfileFormState } from "@/app/dashboard/account/actions";
import { Field } from "@/components/forms/Field";
import { useFormFocus } from "@/components/forms/use-form-focus";
import { initialFormState } from "@/lib/http/form-action";

/** A host's public name (what their replies show), e-mail and password. */
export function ProfileForm({ saved }: { saved: { name: string; email: string } }) {
  const [state, formAction, pending] = useActionState(updateProfileAction, initialFormState() as ProfileFormState);
  const t = useTranslations("account");
  const tErrors = useTranslations("errors");
  const form = useRef<HTMLFormElement>(null);
  const message = useFormFocus(state, form);
  const values = state.status !== "idle" && state.values ? state.values : saved;
  const error = (field: string) => (state.status === "error" ? state.fieldErrors?.[field]?.[0] : undefined);
  return (
    <form ref={form} action={formAction} className="comment-form" key={state.submission}>
      <div role="status" aria-live="polite">
        {state.status === "done" && (
          <p className="notice notice--success" tabIndex={-1} ref={message}>
            {t("saved")}
          </p>
        )}
        {state.status === "error" && !state.fieldErrors && (
          <p className="notice notice--error" role="alert" tabIndex={-1} ref={message}>
            {tErrors(state.messageKey)}
          </p>
        )}
      </div>
      <Field
        name="name"
        label={t("name")}
        hint={t("nameHint")}
        required
        maxLength={100}
        autoComplete="name"
        defaultValue={values.name}
        error={error("name")}
        idPrefix="profile"
      />
      <Field name="email" label={t("email")} type="email" required autoComplete="email" defaultValue={values.email} error={error("email")} idPrefix="profile" />
      <Field
        name="newPassword"
        label={t("newPassword")}
        hint={t("newPasswordHint")}
        type="password"
        autoComplete="new-password"
        error={error("newPassword")}
        idPrefix="profile"
      />
      <Field
        name="currentPassword"
        label={t("currentPassword")}
        hint={t("currentPasswordHint")}
        type="password"
        autoComplete="current-password"
        error={error("currentPassword")}
        idPrefix="profile"
      />
      <button type="submit" className="button" disabled={pending}>
        {t("save")}
      </button>
    </form>
  );
}
