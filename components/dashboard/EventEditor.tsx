"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { saveEventAction } from "@/app/dashboard/events/actions";
import { initialEventEditorState } from "@/lib/events/event-editor-state";

type Values = Record<string, string>;

/** The event form: every field, field errors in place, nothing lost on error; works without JavaScript. */
export function EventEditor({ existingSlug, initial, justSaved }: { existingSlug?: string; initial: Values; justSaved?: boolean }) {
  const [state, formAction, pending] = useActionState(saveEventAction, initialEventEditorState);
  const t = useTranslations("dashboard");
  const tErrors = useTranslations("errors");
  const values = state.values ?? initial;
  const error = (field: string) => state.fieldErrors?.[field]?.[0];
  const field = (name: string, label: string, input: React.ReactNode) => (
    <div className="field">
      <label htmlFor={`event-${name}`}>{label}</label>
      {input}
      {error(name) && (
        <p className="field-error" id={`event-${name}-error`}>
          {tErrors(error(name) as never)}
        </p>
      )}
    </div>
  );
  const common = (name: string) => ({
    id: `event-${name}`,
    name,
    defaultValue: values[name],
    "aria-invalid": Boolean(error(name)),
    "aria-describedby": error(name) ? `event-${name}-error` : undefined,
  });

  return (
    <form key={state.submission} action={formAction} className="comment-form">
      <div role="status" aria-live="polite">
        {(state.status === "saved" || (justSaved && state.status === "idle")) && <p className="notice notice--success">{t("eventSaved")}</p>}
        {state.status === "error" && state.messageKey && (
          <p className="notice notice--error" role="alert">
            {tErrors(state.messageKey as never)}
          </p>
        )}
      </div>
      {existingSlug && <input type="hidden" name="existingSlug" value={existingSlug} />}
      {field("title", t("fieldTitle"), <input {...common("title")} required maxLength={200} />)}
      {field("slug", t("fieldSlug"), <input {...common("slug")} required maxLength={80} pattern="[a-z0-9]+(-[a-z0-9]+)*" />)}
      <div className="field-row">
        {field("startsAt", t("fieldStartsAt"), <input {...common("startsAt")} type="datetime-local" required />)}
        {field("endsAt", t("fieldEndsAt"), <input {...common("endsAt")} type="datetime-local" required />)}
      </div>
      <div className="field-row">
        {field("timeZone", t("fieldTimeZone"), <input {...common("timeZone")} required />)}
        {field(
          "language",
          t("fieldLanguage"),
          <select {...common("language")}>
            <option value="fr">Français</option>
            <option value="en">English</option>
          </select>,
        )}
      </div>
      <div className="field-row">
        {field("venueName", t("fieldVenueName"), <input {...common("venueName")} required maxLength={200} />)}
        {field("venueAddress", t("fieldVenueAddress"), <input {...common("venueAddress")} maxLength={300} />)}
      </div>
      {field("hostNames", t("fieldHostNames"), <textarea {...common("hostNames")} rows={3} />)}
      {field("summary", t("fieldSummary"), <textarea {...common("summary")} rows={2} required maxLength={500} />)}
      {field("topic", t("fieldTopic"), <textarea {...common("topic")} rows={12} />)}
      {field(
        "status",
        t("fieldStatus"),
        <select {...common("status")}>
          <option value="DRAFT">{t("statusDRAFT")}</option>
          <option value="PUBLISHED">{t("statusPUBLISHED")}</option>
        </select>,
      )}
      <button type="submit" className="button" disabled={pending}>
        {t("saveEvent")}
      </button>
    </form>
  );
}
