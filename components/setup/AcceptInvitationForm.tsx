"use client";

import { useActionState, useRef } from "react";
import { useTranslations } from "next-intl";
import { acceptInvitationAction, type AcceptInvitationFormState } from "@/app/invitations/accept/actions";
import { Field } from "@/components/forms/Field";
import { useFormFocus } from "@/components/forms/use-form-focus";
import { initialFormState } from "@/lib/http/form-action";

export function AcceptInvitationForm({ token }: { token: string }) {
  const [state, formAction, pending] = useActionState(acceptInvitationAction, initialFormState() as AcceptInvitationFormState);
  const t = useTranslations("invitation");
  const tErrors = useTranslations("errors");
  const form = useRef<HTMLFormElement>(null);
  const message = useFormFocus(state, form);
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
        name="name"
        label={t("name")}
        hint={t("nameHint")}
        required
        maxLength={100}
        autoComplete="name"
        defaultValue={state.status === "error" ? state.values.name : undefined}
        error={error("name")}
        idPrefix="invitation"
      />
      <Field
        name="password"
        label={t("password")}
        hint={t("passwordHint")}
        type="password"
        required
        autoComplete="new-password"
        error={error("password")}
        idPrefix="invitation"
      />
      <button type="submit" className="button" disabled={pending}>
        {t("submit")}
      </button>
    </form>
  );
}
