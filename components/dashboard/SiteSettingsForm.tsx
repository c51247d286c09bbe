"use client";

import { useActionState, useRef } from "react";
import { useTranslations } from "next-intl";
import { updateSiteSettingsAction, type SiteSettingsFormState } from "@/app/dashboard/settings/actions";
import { Field } from "@/components/forms/Field";
import { useFormFocus } from "@/components/forms/use-form-focus";
import { FieldError } from "@/components/forms/FieldError";
import { initialFormState } from "@/lib/http/form-action";
import { locales } from "@/lib/i18n/locales";
import { TimeZoneSelect } from "./TimeZoneSelect";

type Values = {
  organisationName: string;
  description: string;
  accentColor: string;
  contactEmail: string;
  defaultLocale: string;
  timeZone: string;
  publicUrl: string;
  legalNotice: string;
  embedOrigins: string;
};

export function SiteSettingsForm({ saved, siteUrl }: { saved: Values; siteUrl: string }) {
  const [state, formAction, pending] = useActionState(updateSiteSettingsAction, initialFormState() as SiteSettingsFormState);
  const t = useTranslations("settings");
  const tErrors = useTranslations("errors");
  const tSite = useTranslations("site");
  const form = useRef<HTMLFormElement>(null);
  const message = useFormFocus(state, form);
  const values = state.status !== "idle" && state.values ? state.values : saved;
  const error = (field: string) => (state.status === "error" ? state.fieldErrors?.[field]?.[0] : undefined);
  return (
    <form ref={form} action={formAction} className="comment-form" key={state.submission}>
      <div role="status" aria-live="polite">
        {state.status === "done" && (
          <p className="notice notice--success" tabIndex={-1} ref={message}>
            {t("saved")}
          </p>
        )}
        {state.status === "error" && (
          <p className="notice notice--error" role="alert" tabIndex={-1} ref={message}>
            {tErrors(state.messageKey)}
          </p>
        )}
      </div>
      <Field
        name="organisationName"
        label={t("organisationName")}
        required
        maxLength={120}
        defaultValue={values.organisationName}
        error={error("organisationName")}
        idPrefix="settings"
      />
      <Field
        name="description"
        label={t("description")}
        hint={t("descriptionHint")}
        maxLength={300}
        defaultValue={values.description}
        error={error("description")}
        idPrefix="settings"
      />
      <div className="field">
        <label htmlFor="settings-accentColor">{t("accentColor")}</label>
        <input
          id="settings-accentColor"
          name="accentColor"
          type="color"
          defaultValue={values.accentColor}
          aria-invalid={Boolean(error("accentColor"))}
          aria-describedby="settings-accentColor-hint"
        />
        <p id="settings-accentColor-hint" className="field-hint">
          {t("accentColorHint")}
        </p>
        <FieldError error={error("accentColor")} />
      </div>
      <Field
        name="contactEmail"
        label={t("contactEmail")}
        hint={t("contactEmailHint")}
        type="email"
        defaultValue={values.contactEmail}
        error={error("contactEmail")}
        idPrefix="settings"
      />
      <div className="field">
        <label htmlFor="settings-defaultLocale">{t("defaultLocale")}</label>
        <select id="settings-defaultLocale" name="defaultLocale" defaultValue={values.defaultLocale}>
          {locales.map((locale) => (
            <option key={locale} value={locale} lang={locale}>
              {tSite(`languageName.${locale}`)}
            </option>
          ))}
        </select>
      </div>
      <TimeZoneSelect
        name="timeZone"
        id="settings-timeZone"
        label={t("timeZone")}
        defaultValue={values.timeZone}
        first={saved.timeZone}
        error={error("timeZone")}
      />
      <Field
        name="publicUrl"
        label={t("publicUrl")}
        hint={t("publicUrlHint")}
        placeholder={siteUrl}
        type="url"
        defaultValue={values.publicUrl}
        error={error("publicUrl")}
        idPrefix="settings"
      />
      <div className="field">
        <label htmlFor="settings-legalNotice">{t("legalNotice")}</label>
        <textarea id="settings-legalNotice" name="legalNotice" rows={6} defaultValue={values.legalNotice} aria-describedby="settings-legalNotice-hint" />
        <p id="settings-legalNotice-hint" className="field-hint">
          {t("legalNoticeHint")}
        </p>
        <FieldError error={error("legalNotice")} />
      </div>
      <div className="field">
        <label htmlFor="settings-embedOrigins">{t("embedOrigins")}</label>
        <textarea
          id="settings-embedOrigins"
          name="embedOrigins"
          rows={3}
          defaultValue={values.embedOrigins}
          placeholder="https://www.example.org"
          aria-describedby="settings-embedOrigins-hint"
          aria-invalid={Boolean(error("embedOrigins"))}
        />
        <p id="settings-embedOrigins-hint" className="field-hint">
          {t("embedOriginsHint")}
        </p>
        <FieldError error={error("embedOrigins")} />
      </div>
      <button type="submit" className="button" disabled={pending}>
        {t("save")}
      </button>
    </form>
  );
}
