"use client";

import Link from "next/link";
import { useActionState, useRef } from "react";
import { FieldFrame } from "@/components/forms/Field";
import { useFormFocus } from "@/components/forms/use-form-focus";
import { useTranslations } from "next-intl";
import { requestRecapAction } from "@/app/events/[slug]/recap-actions";
import { initialRecapRequestFormState } from "@/lib/recaps/recap-request-form-state";

/** The e-mail form of the recap box: a plain form posting to a server action, with or without JavaScript. */
export function RecapRequestForm({
  eventSlug,
  variant,
  organisationName,
}: {
  eventSlug: string;
  variant: "before" | "notPlanned" | "published";
  organisationName: string;
}) {
  const [state, formAction, pending] = useActionState(requestRecapAction, initialRecapRequestFormState);
  const t = useTranslations("recaps");
  const tErrors = useTranslations("errors");
  const values = state.status === "error" ? state.values : undefined;
  const form = useRef<HTMLFormElement>(null);
  const message = useFormFocus(state, form);
  const emailError = state.status === "error" ? state.fieldErrors?.email?.[0] : undefined;
  const nameError = state.status === "error" ? state.fieldErrors?.name?.[0] : undefined;
  const submitLabel = variant === "published" ? t("submitPublished") : variant === "notPlanned" ? t("submitNotPlanned") : t("submit");

  return (
    <>
      <div role="status" aria-live="polite" tabIndex={-1} ref={message}>
        {state.status === "done" && <p className="notice notice--success">{variant === "published" ? t("acceptedPublished") : t("accepted")}</p>}
        {state.status === "error" && (
          <p className="notice notice--error" role="alert">
            {tErrors(state.messageKey)}
          </p>
        )}
      </div>
      {/* Posted without leaving the page where Next.js's client runtime is not loaded (public/forms.js). */}
      <form ref={form} key={state.submission} action={formAction} className="recap-request__form" data-in-place data-failed-message={tErrors("unexpected")}>
        <input type="hidden" name="eventSlug" value={eventSlug} />
        <div className="hp" aria-hidden="true">
          <label htmlFor="recap-company">{t("honeypot")}</label>
          <input id="recap-company" name="dbf_hp_request" type="text" tabIndex={-1} autoComplete="off" data-1p-ignore data-lpignore="true" />
        </div>
        <div className="field-row">
          <FieldFrame id="recap-email" label={t("email")} error={emailError}>
            {(control) => <input {...control} name="email" type="email" required maxLength={254} autoComplete="email" defaultValue={values?.email} />}
          </FieldFrame>
          <FieldFrame id="recap-name" label={t("name")} error={nameError}>
            {(control) => <input {...control} name="name" type="text" maxLength={100} autoComplete="name" defaultValue={values?.name} />}
          </FieldFrame>
        </div>
        <p className="field-hint">{t.rich("consent", { organisation: organisationName, privacy: (chunks) => <Link href="/privacy">{chunks}</Link> })}</p>
        <button type="submit" className="button" disabled={pending} data-pending-label={t("submitting")}>
          {pending ? t("submitting") : submitLabel}
        </button>
      </form>
    </>
  );
}
