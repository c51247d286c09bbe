"use client";

import { useTranslations } from "next-intl";
import { updateSiteSettingsAction, type SiteSettingsFormState } from "@/app/dashboard/settings/actions";
import { Field, FieldFrame } from "@/components/forms/Field";
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
      <FieldFrame id="settings-accentColor" label={t("accentColor")} hint={t("accentColorHint")} error={error("accentColor")}>
        {(control) => <input {...control} name="accentColor" type="color" defaultValue={values.accentColor} />}
      </FieldFrame>
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
      <FieldFrame id="settings-legalNotice" label={t("legalNotice")} hint={t("legalNoticeHint")} error={error("legalNotice")}>
        {(control) => <textarea {...control} name="legalNotice" rows={6} defaultValue={values.legalNotice} />}
      </FieldFrame>
      <FieldFrame id="settings-embedOrigins" label={t("embedOrigins")} hint={t("embedOriginsHint")} error={error("embedOrigins")}>
        {(control) => <textarea {...control} name="embedOrigins" rows={3} defaultValue={values.embedOrigins} placeholder="https://www.example.org" />}
      </FieldFrame>
      <SubmitButton pending={pending}>{t("save")}</SubmitButton>
    </form>
  );
}
