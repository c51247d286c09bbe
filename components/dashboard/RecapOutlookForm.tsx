"use client";

import { useTranslations } from "next-intl";
import { setRecapOutlookAction, type RecapOutlookFormState } from "@/app/dashboard/events/[slug]/recap/actions";
import { FieldFrame } from "@/components/forms/Field";
import { FieldError } from "@/components/forms/FieldError";
import { FormNotice, SubmitButton } from "@/components/forms/FormNotice";
import { useFormAction } from "@/components/forms/use-form-action";
import { RECAP_OUTLOOKS } from "@/lib/recaps/recap-choices";

type Outlook = { outlook: string; expectedOn: string | null; note: string | null };

/** What readers see about the recap before it is published: nothing said, expected (by a day), or none planned. */
export function RecapOutlookForm({ eventSlug, saved }: { eventSlug: string; saved: Outlook }) {
  const { state, formAction, pending, form, message, error } = useFormAction<RecapOutlookFormState>(setRecapOutlookAction);
  const t = useTranslations("dashboard");
  const values =
    state.status === "error"
      ? state.values
      : state.status === "done" && state.values
        ? state.values
        : { outlook: saved.outlook, expectedOn: saved.expectedOn ?? "", note: saved.note ?? "" };

  return (
    <form ref={form} key={state.submission} action={formAction} className="comment-form recap-outlook">
      <fieldset>
        <legend>{t("outlookTitle")}</legend>
        <FormNotice state={state} pending={pending} success={t("outlookSaved")} quietOnFieldErrors messageRef={message} />
        <input type="hidden" name="eventSlug" value={eventSlug} />
        {RECAP_OUTLOOKS.map((outlook) => (
          <div key={outlook} className="field field--checkbox">
            <input
              id={`outlook-${outlook}`}
              type="radio"
              name="outlook"
              value={outlook}
              defaultChecked={values.outlook === outlook}
              aria-describedby={error("outlook") ? "outlook-error" : undefined}
            />
            <label htmlFor={`outlook-${outlook}`}>{t(`outlook${outlook}`)}</label>
          </div>
        ))}
        <FieldError error={error("outlook")} id="outlook-error" />
        <FieldFrame id="outlook-expected-on" label={t("outlookExpectedOn")} error={error("expectedOn")}>
          {(control) => <input {...control} name="expectedOn" type="date" defaultValue={values.expectedOn} />}
        </FieldFrame>
        <FieldFrame id="outlook-note" label={t("outlookNote")} hint={`${t("outlookNoteHint")} ${t("outlookNotPlannedDemand")}`} error={error("note")}>
          {(control) => <input {...control} name="note" type="text" maxLength={300} defaultValue={values.note} />}
        </FieldFrame>
        <SubmitButton pending={pending} className="button button--quiet">
          {t("saveOutlook")}
        </SubmitButton>
      </fieldset>
    </form>
  );
}
