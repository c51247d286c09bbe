import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { locales } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/messages";
import { escapeHtml } from "@/lib/notifications/templates/render-email";

/** The one line a host copies into their own site (script, or a plain frame), per language, and where it may show. */
export async function EmbedSnippets({
  slug,
  title,
  published,
  publicUrl,
  origins,
  canManageSite,
}: {
  slug: string;
  title: string;
  published: boolean;
  publicUrl: string;
  origins: string[];
  canManageSite: boolean;
}) {
  const t = await getTranslations("embed");
  return (
    <section aria-labelledby="embed-heading" className="embed-snippets">
      <h2 id="embed-heading">{t("dashboardTitle")}</h2>
      <p>{t("dashboardIntro")}</p>
      {!published && <p className="muted">{t("dashboardDraft")}</p>}
      {origins.length === 0 ? (
        <p className="notice notice--error">
          {canManageSite ? (
            <>
              {t("dashboardNoOrigins")} <Link href="/dashboard/settings#settings-embedOrigins">{t("dashboardSettingsLink")}</Link>
            </>
          ) : (
            t("dashboardNoOriginsHost")
          )}
        </p>
      ) : (
        <p className="muted">{t("dashboardAllowed", { origins: origins.join(", ") })}</p>
      )}
      {locales.map((locale) => {
        const frameTitle = escapeHtml(translatorFor(locale, "embed")("frameTitle", { event: title }));
        const script = `<script src="${publicUrl}/embed.js" data-event="${slug}" data-lang="${locale}" data-title="${frameTitle}" async></script>`;
        const iframe = `<iframe src="${publicUrl}/embed/events/${slug}?lang=${locale}" title="${frameTitle}" style="width:100%;max-width:40rem;height:32rem;border:0" loading="lazy"></iframe>`;
        return (
          <div key={locale} className="field">
            <h3>{t(locale === "fr" ? "languageFr" : "languageEn")}</h3>
            <label htmlFor={`embed-script-${locale}`}>{t("dashboardScript")}</label>
            <textarea id={`embed-script-${locale}`} readOnly rows={3} value={script} className="code" />
            <label htmlFor={`embed-iframe-${locale}`}>{t("dashboardIframe")}</label>
            <textarea id={`embed-iframe-${locale}`} readOnly rows={3} value={iframe} className="code" />
          </div>
        );
      })}
    </section>
  );
}
