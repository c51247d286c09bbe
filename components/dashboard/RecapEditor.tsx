"use client";

import { useActionState, useRef } from "react";
import { useTranslations } from "next-intl";
import { saveRecapAction } from "@/app/dashboard/events/[slug]/recap/actions";
import { useFormFocus } from "@/components/forms/use-form-focus";
import { FieldFrame } from "@/components/forms/Field";
import { initialFormState } from "@/lib/http/form-action";
import { RECAP_LINK_KINDS } from "@/lib/recaps/recap-choices";
import { RECAP_LINK_ROWS, type RecapEditorState } from "@/lib/recaps/recap-editor-state";
import { MarkdownPreview } from "./MarkdownPreview";

type Saved = { body: string; links: { kind: string; title: string; url: string }[] } | null;

/**
 * The recap's Markdown and typed links. "Preview" shows it as readers will, links included; "Publish and notify"
 * asks to confirm how many people will be mailed; changes to a recap already online are shown before they go live.
 * Works without JavaScript; with it, the text is previewed as it is typed.
 */
export function RecapEditor({
  eventSlug,
  saved,
  published,
  waiting,
  unansweredAskers,
}: {
  eventSlug: string;
  saved: Saved;
  published: boolean;
  waiting: number;
  unansweredAskers: number;
}) {
  const [state, formAction, pending] = useActionState(saveRecapAction, initialFormState() as RecapEditorState);
  const t = useTranslations("dashboard");
  const tRecaps = useTranslations("recaps");
  const tErrors = useTranslations("errors");
  const form = useRef<HTMLFormElement>(null);
  const message = useFormFocus(state, form);
  const values = (state.status !== "idle" && state.values) || { ...(saved ?? { body: "", links: [] }), replyToAskers: unansweredAskers > 0 };
  const error = (field: string) => (state.status === "error" ? state.fieldErrors?.[field]?.[0] : undefined);
  const done = state.status === "done" ? state : null;
  const asking = done?.outcome === "confirm-publish" || done?.outcome === "confirm-changes";

  return (
    <>
      <form ref={form} key={state.submission} action={formAction} className="comment-form">
        <div role="status" aria-live="polite">
          {done?.outcome === "saved" && (
            <p className="notice notice--success" tabIndex={-1} ref={message}>
              {published ? t("changesOnline") : t("savedNote")}
            </p>
          )}
          {done?.outcome === "published" && (
            <p className="notice notice--success" tabIndex={-1} ref={message}>
              {t("publishedNote", { count: done.notified })} {done.replied ? t("repliedNote", { count: done.replied }) : null}
            </p>
          )}
          {done?.outcome === "preview" && (
            <p className="notice" tabIndex={-1} ref={message}>
              {t("previewShown")}
            </p>
          )}
          {asking && (
            <div className="notice notice--confirm" tabIndex={-1} ref={message}>
              <p>{done?.outcome === "confirm-publish" ? t("confirmPublish", { count: done.notified }) : t("confirmChanges")}</p>
              <input type="hidden" name="confirmed" value="1" />
              <button type="submit" name="intent" value={done?.outcome === "confirm-publish" ? "publish" : "save"} className="button" disabled={pending}>
                {done?.outcome === "confirm-publish" ? t("confirmPublishButton", { count: done.notified }) : t("confirmChangesButton")}
              </button>
            </div>
          )}
          {state.status === "error" && (
            <p className="notice notice--error" role="alert" tabIndex={-1} ref={message}>
              {tErrors(state.messageKey)}
            </p>
          )}
        </div>
        <input type="hidden" name="eventSlug" value={eventSlug} />
        <FieldFrame id="recap-body" label={t("recapBody")} error={error("body")}>
          {(control) => <textarea {...control} name="body" rows={14} defaultValue={values.body} />}
        </FieldFrame>
        <fieldset className="recap-links">
          <legend>{t("recapLinks")}</legend>
          {Array.from({ length: RECAP_LINK_ROWS }, (_, index) => {
            const link = values.links[index];
            const rowError = error(`links.${index}.kind`) ?? error(`links.${index}.title`) ?? error(`links.${index}.url`);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: a fixed number of slots; the slot's number is its identity (links.N.* field names)
              <div key={index} className="recap-links__row">
                <select name={`links.${index}.kind`} defaultValue={link?.kind ?? ""} aria-label={`${t("linkKind")} ${index + 1}`}>
                  <option value="">{t("linkKindChoose")}</option>
                  {RECAP_LINK_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {tRecaps(`kind${kind}`)}
                    </option>
                  ))}
                </select>
                <input name={`links.${index}.title`} defaultValue={link?.title} placeholder={t("linkTitle")} aria-label={`${t("linkTitle")} ${index + 1}`} />
                <input name={`links.${index}.url`} type="url" defaultValue={link?.url} placeholder="https://" aria-label={`${t("linkUrl")} ${index + 1}`} />
                {rowError && <p className="field-error">{tErrors(rowError)}</p>}
              </div>
            );
          })}
        </fieldset>
        {unansweredAskers > 0 && (
          <div className="field field--checkbox">
            <input id="reply-to-askers" name="replyToAskers" type="checkbox" defaultChecked={values.replyToAskers} />
            <label htmlFor="reply-to-askers">{t("replyToAskers", { count: unansweredAskers })}</label>
          </div>
        )}
        <div className="row-actions">
          <button type="submit" name="intent" value="preview" className="button button--quiet" disabled={pending}>
            {t("previewButton")}
          </button>
          <button type="submit" name="intent" value="save" className="button button--quiet" disabled={pending}>
            {published ? t("saveChanges") : t("saveDraft")}
          </button>
          {!published && (
            <button type="submit" name="intent" value="publish" className="button" disabled={pending}>
              {t("publishAndNotify", { count: waiting })}
            </button>
          )}
          {published && waiting > 0 && (
            <button type="submit" name="intent" value="publish" className="button" disabled={pending}>
              {t("publishAgain", { count: waiting })}
            </button>
          )}
        </div>
      </form>
      {done?.previewHtml ? (
        <section className="recap preview" aria-labelledby="recap-preview-heading">
          <h2 id="recap-preview-heading">{t("preview")}</h2>
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the server's own Markdown rendering (lib/markdown), the same HTML the page will show */}
          <div className="prose" dangerouslySetInnerHTML={{ __html: done.previewHtml }} />
        </section>
      ) : (
        <MarkdownPreview key={state.submission} textareaId="recap-body" title={t("preview")} />
      )}
    </>
  );
}
