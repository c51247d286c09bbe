"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { saveEventAction } from "@/app/dashboard/events/actions";
import { FieldFrame, type FieldControlProps } from "@/components/forms/Field";
import { FormNotice } from "@/components/forms/FormNotice";
import { useFormAction } from "@/components/forms/use-form-action";
import { slugify } from "@/lib/events/slugify";
import type { EventEditorState } from "@/lib/events/event-editor-state";
import { MarkdownPreview } from "./MarkdownPreview";
import { TimeZoneSelect } from "./TimeZoneSelect";

type Values = Record<string, string>;

/**
 * The event form: every field, field errors in place, nothing lost on error; works without JavaScript. The page
 * address is proposed from the title (and stays editable), the time zone is chosen from a list with the site's
 * first, the topic is previewed as it is typed (or with "Preview" without JavaScript), and a cover image can be
 * uploaded.
 */
export function EventEditor(props: { existingSlug?: string; initial: Values; siteTimeZone: string; coverUrl?: string | null; justSaved?: boolean }) {
  const { state, formAction, pending, form, message, error } = useFormAction<EventEditorState>(saveEventAction);
  const t = useTranslations("dashboard");
  const values = (state.status !== "idle" && state.values) || props.initial;
  const [slug, setSlug] = useState(values.slug ?? "");
  const [slugEdited, setSlugEdited] = useState(Boolean(props.existingSlug));
  const field = (name: string, label: string, control: (control: FieldControlProps) => React.ReactNode, hint?: string) => (
    <FieldFrame id={`event-${name}`} label={label} hint={hint} error={error(name)}>
      {control}
    </FieldFrame>
  );
  const common = (name: string) => ({ name, defaultValue: values[name] });

  return (
    <>
      <form ref={form} key={state.submission} action={formAction} className="comment-form" encType="multipart/form-data">
        <FormNotice
          state={state}
          pending={pending}
          success={t("eventSaved")}
          showSuccess={Boolean((state.status === "done" && state.saved) || (props.justSaved && state.status === "idle"))}
          messageRef={message}
        />
        {props.existingSlug && <input type="hidden" name="existingSlug" value={props.existingSlug} />}
        {field("title", t("fieldTitle"), (control) => (
          <input
            {...control}
            {...common("title")}
            required
            maxLength={200}
            onChange={(event) => {
              if (!slugEdited) setSlug(slugify(event.target.value));
            }}
          />
        ))}
        {field(
          "slug",
          t("fieldSlug"),
          (control) => (
            <input
              {...control}
              {...common("slug")}
              defaultValue={undefined}
              value={slug}
              onChange={(event) => {
                setSlugEdited(true);
                setSlug(event.target.value);
              }}
              maxLength={80}
              pattern="[a-z0-9]+(-[a-z0-9]+)*"
            />
          ),
          t("fieldSlugHint"),
        )}
        <div className="field-row">
          {field("startsAt", t("fieldStartsAt"), (control) => (
            <input {...control} {...common("startsAt")} type="datetime-local" required />
          ))}
          {field("endsAt", t("fieldEndsAt"), (control) => (
            <input {...control} {...common("endsAt")} type="datetime-local" required />
          ))}
        </div>
        <div className="field-row">
          <TimeZoneSelect
            name="timeZone"
            id="event-timeZone"
            label={t("fieldTimeZone")}
            defaultValue={values.timeZone}
            first={props.siteTimeZone}
            error={error("timeZone")}
          />
          {field("language", t("fieldLanguage"), (control) => (
            <select {...control} {...common("language")}>
              <option value="fr" lang="fr">
                Français
              </option>
              <option value="en" lang="en">
                English
              </option>
            </select>
          ))}
        </div>
        <div className="field-row">
          {field("venueName", t("fieldVenueName"), (control) => (
            <input {...control} {...common("venueName")} required maxLength={200} />
          ))}
          {field("venueAddress", t("fieldVenueAddress"), (control) => (
            <input {...control} {...common("venueAddress")} maxLength={300} />
          ))}
        </div>
        {field("hostNames", t("fieldHostNames"), (control) => (
          <textarea {...control} {...common("hostNames")} rows={3} />
        ))}
        {field("summary", t("fieldSummary"), (control) => (
          <textarea {...control} {...common("summary")} rows={2} required maxLength={500} />
        ))}
        {field("topic", t("fieldTopic"), (control) => (
          <textarea {...control} {...common("topic")} rows={12} />
        ))}
        <FieldFrame
          id="event-cover"
          label={t("fieldCover")}
          hint={t("fieldCoverHint")}
          error={error("cover")}
          preface={
            props.coverUrl && (
              // biome-ignore lint/performance/noImgElement: served by this site, already resized
              <img src={props.coverUrl} alt={t("currentCover")} className="cover-preview" />
            )
          }
          after={
            props.coverUrl && (
              <div className="field--checkbox">
                <input id="event-removeCover" name="removeCover" type="checkbox" />
                <label htmlFor="event-removeCover">{t("removeCover")}</label>
              </div>
            )
          }
        >
          {(control) => <input {...control} name="cover" type="file" accept="image/png,image/jpeg,image/webp,image/gif" />}
        </FieldFrame>
        {field("status", t("fieldStatus"), (control) => (
          <select {...control} {...common("status")}>
            <option value="DRAFT">{t("statusDRAFT")}</option>
            <option value="PUBLISHED">{t("statusPUBLISHED")}</option>
          </select>
        ))}
        <div className="row-actions">
          <button type="submit" name="intent" value="save" className="button" disabled={pending}>
            {t("saveEvent")}
          </button>
          <button type="submit" name="intent" value="preview" className="button button--quiet" disabled={pending}>
            {t("previewButton")}
          </button>
        </div>
      </form>
      <MarkdownPreview
        key={state.submission}
        textareaId="event-topic"
        title={t("preview")}
        initialHtml={state.status === "done" ? state.previewHtml : undefined}
      />
    </>
  );
}
