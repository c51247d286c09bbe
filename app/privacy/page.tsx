import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { env } from "@/lib/env";
import { siteSettingsForRequest } from "@/lib/settings/site-settings-for-request";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("privacy");
  return { title: t("title") };
}

/** Who keeps what, for how long, and how to have it removed — from the site's real settings and retention windows. */
export default async function PrivacyPage() {
  const [t, settings] = await Promise.all([getTranslations("privacy"), siteSettingsForRequest()]);
  const organisation = settings.organisationName;
  const days = { login: env.RETENTION_LOGIN_ATTEMPTS_DAYS, bodies: env.RETENTION_EMAIL_BODIES_DAYS, client: env.RETENTION_CLIENT_DATA_DAYS };
  return (
    <article className="prose">
      <h1>{t("title")}</h1>
      <p>{t("intro", { organisation })}</p>
      <h2>{t("commentsTitle")}</h2>
      <p>{t("comments", { days: days.client })}</p>
      <h2>{t("requestsTitle")}</h2>
      <p>{t("requests", { organisation, days: days.client })}</p>
      <p>{t("withdraw")}</p>
      <h2>{t("emailsTitle")}</h2>
      <p>{t("emails", { days: days.bodies })}</p>
      <h2>{t("hostsTitle")}</h2>
      <p>{t("hosts", { days: days.login })}</p>
      <h2>{t("cookiesTitle")}</h2>
      <p>{t("cookies")}</p>
      <h2>{t("contactTitle")}</h2>
      <p>{settings.contactEmail ? t("contact", { email: settings.contactEmail }) : t("contactNone", { organisation })}</p>
      {settings.contactEmail && (
        <p>
          <a href={`mailto:${settings.contactEmail}`}>{settings.contactEmail}</a>
        </p>
      )}
    </article>
  );
}
