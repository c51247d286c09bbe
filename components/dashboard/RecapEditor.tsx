"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { saveRecapAction } from "@/app/dashboard/events/[slug]/recap/actions";
import { RECAP_LINK_KINDS } from "@/lib/recaps/recap-input";
import { initialFormState } from "@/lib/http/form-action";
import { RECAP_LINK_ROWS, type RecapEditorState } from "@/lib/recaps/recap-editor-state";

type Saved = { body: string; links: { kind: string; title: string; url: string }[] } | null;

/** Markdown write-up plus typed links; "Save" keeps a draft, "Publish" makes it public and notifies. */
export function RecapEditor({
  eventSlug,
  saved,
  published,
  unansweredAskers,
}: {
  eventSlug: string;
  saved: Saved;
  published: boolean;
  /** Approved comments asking for the recap with no "the recap is online" reply yet. */
  unansweredAskers: number;
}) {
  const [state, formAction, pending] = useActionState(saveRecapAction, initialFormState() as RecapEditorState);
  const t = useTranslations("dashboard");
  const tRecaps = useTranslations("recaps");
  const tErrors = useTranslations("errors");
  const values = (state.status !== "idle" && state.values) || saved || { body: "", links: [] };
  const error = (field: string) => (state.status === "error" ? state.fieldErrors?.[field]?.[0] : undefined);

  return (
    <form key={state.submission} action={formAction} className="comment-form">
      <div role="status" aria-live="polite">
        {state.status === "done" && !state.published && <p className="notice notice--success">{t("savedNote")}</p>}
        {state.status === "done" && state.published && (
          <p className="notice notice--success">
            {t("publishedNote", { count: state.notified })} {state.replied ? t("repliedNote", { count: state.replied }) : null}
          </p>
        )}
        {state.status === "error" && (
          <p className="notice notice--error" role="alert">
            {tErrors(state.messageKey as never)}
          </p>
        )}
      </div>
      <input type="hidden" name="eventSlug" value={eventSlug} />
      <div className="field">
        <label htmlFor="recap-body">{t("recapBody")}</label>
        <textarea id="recap-body" name="body" rows={14} defaultValue={values.body} aria-invalid={Boolean(error("body"))} />
        {error("body") && <p className="field-error">{tErrors(error("body") as never)}</p>}
      </div>
      <fieldset className="recap-links">
        <legend>{t("recapLinks")}</legend>
        {Array.from({ length: RECAP_LINK_ROWS }, (_, index) => {
          const link = values.links[index];
          const rowError = error(`links.${index}.kind`) ?? error(`links.${index}.title`) ?? error(`links.${index}.url`);
          return (
            <div key={index} className="recap-links__row">
              <select name={`links.${index}.kind`} defaultValue={link?.kind ?? "SLIDES"} aria-label={`${t("linkKind")} ${index + 1}`}>
                {RECAP_LINK_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {tRecaps(`kind${kind}`)}
                  </option>
                ))}
              </select>
              <input name={`links.${index}.title`} defaultValue={link?.title} placeholder={t("linkTitle")} aria-label={`${t("linkTitle")} ${index + 1}`} />
              <input name={`links.${index}.url`} type="url" defaultValue={link?.url} placeholder="https://" aria-label={`${t("linkUrl")} ${index + 1}`} />
              {rowError && <p className="field-error">{tErrors(rowError as never)}</p>}
            </div>
          );
        })}
      </fieldset>
      {unansweredAskers > 0 && (
        <div className="field field--checkbox">
          <input id="reply-to-askers" name="replyToAskers" type="checkbox" defaultChecked />
          <label htmlFor="reply-to-askers">{t("replyToAskers", { count: unansweredAskers })}</label>
        </div>
      )}
      <div className="row-actions">
        <button type="submit" name="intent" value="save" className="button button--quiet" disabled={pending}>
          {t("saveDraft")}
        </button>
        <button type="submit" name="intent" value="publish" className="button" disabled={pending}>
          {published ? t("publishAgain") : t("publish")}
        </button>
      </div>
    </form>
  );
}
