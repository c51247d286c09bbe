"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { requestRecapAction } from "@/app/events/[slug]/recap-actions";
import { initialRecapRequestFormState } from "@/lib/recaps/recap-request-form-state";

/** The e-mail form of the recap box: a plain form posting to a server action, with or without JavaScript. */
export function RecapRequestForm({ eventSlug, variant }: { eventSlug: string; variant: "before" | "notPlanned" | "published" }) {
  const [state, formAction, pending] = useActionState(requestRecapAction, initialRecapRequestFormState);
  const t = useTranslations("recaps");
  const tErrors = useTranslations("errors");
  const values = state.status === "error" ? state.values : undefined;
  const emailError = state.fieldErrors?.email?.[0];
  const nameError = state.fieldErrors?.name?.[0];
  const submitLabel = variant === "published" ? t("submitPublished") : variant === "notPlanned" ? t("submitNotPlanned") : t("submit");

  return (
    <>
      <div role="status" aria-live="polite">
        {state.status === "accepted" && <p className="notice notice--success">{variant === "published" ? t("acceptedPublished") : t("accepted")}</p>}
        {state.status === "error" && state.messageKey && (
          <p className="notice notice--error" role="alert">
            {tErrors(state.messageKey as never)}
          </p>
        )}
      </div>
      <form key={state.submission} action={formAction} className="recap-request__form">
        <input type="hidden" name="eventSlug" value={eventSlug} />
        <div className="hp" aria-hidden="true">
          <label htmlFor="recap-company">Company</label>
          <input id="recap-company" name="company" type="text" tabIndex={-1} autoComplete="off" />
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor="recap-email">{t("email")}</label>
            <input
              id="recap-email"
              name="email"
              type="email"
              required
              maxLength={254}
              autoComplete="email"
              defaultValue={values?.email}
              aria-invalid={Boolean(emailError)}
              aria-describedby={emailError ? "recap-email-error" : undefined}
            />
            {emailError && (
              <p id="recap-email-error" className="field-error">
                {tErrors(emailError as never)}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor="recap-name">{t("name")}</label>
            <input id="recap-name" name="name" type="text" maxLength={100} autoComplete="name" defaultValue={values?.name} aria-invalid={Boolean(nameError)} />
            {nameError && <p className="field-error">{tErrors(nameError as never)}</p>}
          </div>
        </div>
        <p className="field-hint">{t("consent")}</p>
        <button type="submit" className="button" disabled={pending}>
          {pending ? t("submitting") : submitLabel}
        </button>
      </form>
    </>
  );
}
