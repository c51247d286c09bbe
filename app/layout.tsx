import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { LocaleSwitcher } from "@/components/LocaleSwitcher";
import type { Locale } from "@/lib/i18n/locales";
import { accentPalette } from "@/lib/settings/accent-colors";
import { siteSettingsForRequest } from "@/lib/settings/site-settings-for-request";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const settings = await siteSettingsForRequest();
  const [t, tFeeds] = await Promise.all([getTranslations("site"), getTranslations("feeds")]);
  const name = settings.organisationName;
  return {
    metadataBase: new URL(settings.publicUrl),
    title: { default: name, template: `%s · ${name}` },
    description: settings.description || t("tagline"),
    openGraph: { siteName: name, type: "website" },
    icons: { icon: settings.faviconAssetId ? `/assets/${settings.faviconAssetId}` : "/icon.png" },
    // Feed readers and calendars find the site's feeds from any page.
    alternates: {
      types: {
        "application/atom+xml": [
          { url: "/feeds/events.atom", title: tFeeds("eventsTitle", { organisation: name }) },
          { url: "/feeds/recaps.atom", title: tFeeds("recapsTitle", { organisation: name }) },
        ],
        "text/calendar": [{ url: "/calendar.ics", title: name }],
      },
    },
  };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, t, tFeeds, settings] = await Promise.all([getLocale(), getTranslations("site"), getTranslations("feeds"), siteSettingsForRequest()]);
  const { accent, accentText } = accentPalette(settings.accentColor);
  return (
    <html lang={locale}>
      <head>
        {/* The organisation's colour, adjusted to stay readable (lib/settings/accent-colors.ts); dark mode keeps its own. */}
        <style>{`@media (prefers-color-scheme: light), (prefers-color-scheme: no-preference) { :root { --accent: ${accent}; --accent-text: ${accentText}; } }`}</style>
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t("skipToContent")}
        </a>
        <header className="site-header">
          <div className="container site-header__inner">
            <div className="site-header__identity">
              <Link href="/" className="brand">
                {settings.logoAssetId ? (
                  // biome-ignore lint/performance/noImgElement: served by this site from the database, already resized
                  <img src={`/assets/${settings.logoAssetId}`} alt={settings.organisationName} className="brand__logo" />
                ) : (
                  settings.organisationName
                )}
              </Link>
              {settings.description && <p className="site-header__description">{settings.description}</p>}
            </div>
            <LocaleSwitcher locale={locale as Locale} label={t("language")} />
          </div>
        </header>
        <main id="main" className="container">
          {children}
        </main>
        <footer className="site-footer">
          <div className="container site-footer__inner">
            <span>{t("footer", { organisation: settings.organisationName })}</span>
            <nav className="site-footer__links" aria-label={t("footerLinks")}>
              <Link href="/privacy">{t("privacy")}</Link>
              <Link href="/legal">{t("legal")}</Link>
              <a href="/calendar.ics">{tFeeds("subscribe")}</a>
              <a href="/feeds/events.atom" type="application/atom+xml">
                {tFeeds("eventsFeed")}
              </a>
              <a href="/feeds/recaps.atom" type="application/atom+xml">
                {tFeeds("recapsFeed")}
              </a>
              <Link href="/dashboard">{t("hostsArea")}</Link>
            </nav>
          </div>
        </footer>
      </body>
    </html>
  );
}
