"use client";

import { useActionState, useRef } from "react";
import { useTranslations } from "next-intl";
import { completeSetupAction, type SetupFormState } from "@/app/setup/actions";
import { Field } from "@/components/forms/Field";
import { useFormFocus } from "@/components/forms/use-form-focus";
import { initialFormState } from "@/lib/http/form-action";

export function SetupForm({ token }: { token: string }) {
  const [state, formAction, pending] = useActionState(completeSetupAction, initialFormState() as SetupFormState);
  const t = useTranslations("setup");
  const tErrors = useTranslations("errors");
  const form = useRef<HTMLFormElement>(null);
  const message = useFormFocus(state, form);
  const values = state.status === "error" ? state.values : undefined;
  const error = (field: string) => (state.status === "error" ? state.fieldErrors?.[field]?.[0] : undefined);
  return (
    <form ref={form} action={formAction} className="comment-form" key={state.submission}>
      <div role="status" aria-live="polite">
        {state.status === "error" && (
          <p className="notice notice--error" role="alert" tabIndex={-1} ref={message}>
            {tErrors(state.messageKey)}
          </p>
        )}
      </div>
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
      <Field
        name="name"
        label={t("name")}
        hint={t("nameHint")}
        required
        maxLength={100}
        autoComplete="name"
        defaultValue={values?.name}
        error={error("name")}
        idPrefix="setup"
      />
      <Field name="email" label={t("email")} type="email" required autoComplete="email" defaultValue={values?.email} error={error("email")} idPrefix="setup" />
      <Field
        name="password"
        label={t("password")}
        hint={t("passwordHint")}
        type="password"
        required
        autoComplete="new-password"
        error={error("password")}
        idPrefix="setup"
      />
      <button type="submit" className="button" disabled={pending}>
        {t("submit")}
      </button>
    </form>
  );
}
