"use client";

import { useTranslations } from "next-intl";
import { updateSiteSettingsAction, type SiteSettingsFormState } from "@/app/dashboard/settings/actions";
import { Field } from "@/components/forms/Field";
import { FieldError } from "@/components/forms/FieldError";
import { FormNotice, SubmitButton } from "@/components/forms/FormNotice";
import { LocaleSelect } from "@/components/forms/LocaleSelect";
import { useFormAction } from "@/components/forms/use-form-action";
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
  const { state, formAction, pending, form, message, error } = useFormAction<SiteSettingsFormState>(updateSiteSettingsAction);
  const t = useTranslations("settings");
  const values = state.status !== "idle" && state.values ? state.values : saved;
  return (
    <form ref={form} action={formAction} className="comment-form" key={state.submission}>
      <FormNotice state={state} pending={pending} success={t("saved")} messageRef={message} />
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
      <LocaleSelect id="settings-defaultLocale" name="defaultLocale" label={t("defaultLocale")} defaultValue={values.defaultLocale} />
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
      <SubmitButton pending={pending}>{t("save")}</SubmitButton>
    </form>
  );
}
