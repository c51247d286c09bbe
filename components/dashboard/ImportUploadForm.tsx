"use client";

import { useActionState, useRef } from "react";
import { useTranslations } from "next-intl";
import { uploadImportAction, type ImportUploadState } from "@/app/dashboard/import/actions";
import { useFormFocus } from "@/components/forms/use-form-focus";
import { initialFormState } from "@/lib/http/form-action";

/** The WordPress export to import: checked on upload, then previewed. Works without JavaScript. */
export function ImportUploadForm() {
  const [state, formAction, pending] = useActionState(uploadImportAction, initialFormState() as ImportUploadState);
  const t = useTranslations("import");
  const tErrors = useTranslations("errors");
  const form = useRef<HTMLFormElement>(null);
  const message = useFormFocus(state, form);
  const fileError = state.status === "error" ? (state.fieldErrors?.file?.[0] ?? (state.fieldErrors ? undefined : state.messageKey)) : undefined;
  return (
    <form ref={form} action={formAction} className="comment-form" key={state.submission}>
      <div className="field">
        <label htmlFor="import-file">{t("file")}</label>
        <input
          id="import-file"
          name="file"
          type="file"
          accept=".xml,application/xml,text/xml"
          required
          aria-describedby="import-file-hint"
          aria-invalid={Boolean(fileError)}
        />
        <p id="import-file-hint" className="field-hint">
          {t("fileHint")}
        </p>
        {fileError && (
          <p className="field-error" role="alert" tabIndex={-1} ref={message}>
            {tErrors(fileError)}
          </p>
        )}
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? t("reading") : t("preview")}
      </button>
    </form>
  );
}
