import { getTranslations } from "next-intl/server";
import { SiteSettingsForm } from "@/components/dashboard/SiteSettingsForm";
import { pageActor } from "@/lib/auth/page-access";
import { env } from "@/lib/env";
import { siteSettingsForRequest } from "@/lib/settings/site-settings-for-request";
import { knownErrorKey } from "@/lib/i18n/messages";
import { updateSiteImageAction } from "./actions";

type Props = { searchParams: Promise<{ image?: string; error?: string }> };

/** The organisation's own site: name, description, colour, contact, language, address, legal notice, logo, favicon. */
export default async function SiteSettingsPage({ searchParams }: Props) {
  // Only those who may manage the site see this page.
  await pageActor("site:manage");
  const [settings, t, tErrors, outcome] = await Promise.all([siteSettingsForRequest(), getTranslations("settings"), getTranslations("errors"), searchParams]);
  const imageForm = (image: "logo" | "favicon", assetId: string | null) => (
    <section aria-labelledby={`${image}-heading`} className="settings-image">
      <h2 id={`${image}-heading`}>{t(`${image}Title`)}</h2>
      {assetId ? (
        // biome-ignore lint/performance/noImgElement: served by this site from the database
        <img src={`/assets/${assetId}`} alt={t(`${image}Current`)} className={`settings-image__preview settings-image__preview--${image}`} />
      ) : (
        <p className="muted">{t("noImage")}</p>
      )}
      <form action={updateSiteImageAction} encType="multipart/form-data" className="row-actions">
        <input type="hidden" name="image" value={image} />
        <label htmlFor={`${image}-file`}>{t("chooseFile")}</label>
        <input id={`${image}-file`} name="file" type="file" accept="image/png,image/jpeg,image/webp,image/gif" aria-describedby={`${image}-hint`} />
        <button type="submit" name="intent" value="upload" className="button button--small">
          {t("upload")}
        </button>
        {assetId && (
          <button type="submit" name="intent" value="remove" className="button button--quiet button--small">
            {t("remove")}
          </button>
        )}
      </form>
      <p className="field-hint" id={`${image}-hint`}>
        {t(`${image}Hint`)}
      </p>
    </section>
  );
  return (
    <>
      <h1>{t("title")}</h1>
      <div role="status" aria-live="polite">
        {outcome.image && !outcome.error && <p className="notice notice--success">{t("imageSaved")}</p>}
        {outcome.error && (
          <p className="notice notice--error" role="alert">
            {tErrors(knownErrorKey(outcome.error))}
          </p>
        )}
      </div>
      <SiteSettingsForm
        saved={{
          organisationName: settings.organisationName,
          description: settings.description,
          accentColor: settings.accentColor,
          contactEmail: settings.contactEmail,
          defaultLocale: settings.defaultLocale,
          timeZone: settings.timeZone,
          publicUrl: settings.publicUrlSetting,
          legalNotice: settings.legalNotice,
          embedOrigins: settings.embedOrigins.join("\n"),
        }}
        siteUrl={env.SITE_URL}
      />
      {imageForm("logo", settings.logoAssetId)}
      {imageForm("favicon", settings.faviconAssetId)}
    </>
  );
}
