import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { renderTopicMarkdown } from "@/lib/markdown/render-markdown";
import { siteSettingsForRequest } from "@/lib/settings/site-settings-for-request";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("legal");
  return { title: t("title") };
}

/** The organisation's legal notice (written by an admin in the settings), and where the privacy page is. */
export default async function LegalPage() {
  const [t, settings] = await Promise.all([getTranslations("legal"), siteSettingsForRequest()]);
  return (
    <article>
      <h1>{t("title")}</h1>
      <p>{t("publisher", { organisation: settings.organisationName })}</p>
      {settings.legalNotice ? (
        // biome-ignore lint/security/noDangerouslySetInnerHtml: Markdown rendered by lib/markdown (raw HTML disabled, links checked), tested against the XSS corpus
        <div className="prose" dangerouslySetInnerHTML={{ __html: renderTopicMarkdown(settings.legalNotice) }} />
      ) : (
        <p className="muted">{t("none")}</p>
      )}
      <p>
        <Link href="/privacy">{t("privacyLink")}</Link>
      </p>
    </article>
  );
}
