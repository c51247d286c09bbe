import type { Database, Transaction } from "@/lib/db/client";
import { env } from "@/lib/env";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { parseEmbedOrigins } from "@/lib/embed/embed-origins";

export type SiteSettings = {
  organisationName: string;
  description: string;
  accentColor: string;
  contactEmail: string;
  defaultLocale: Locale;
  timeZone: string;
  /** The address readers use, without a trailing slash: the setting, else SITE_URL. */
  publicUrl: string;
  /** The address as the admin set it; empty when SITE_URL is used. */
  publicUrlSetting: string;
  legalNotice: string;
  /** Origins allowed to frame the recap box. */
  embedOrigins: string[];
  logoAssetId: string | null;
  faviconAssetId: string | null;
  updatedAt: Date;
};

const select = {
  organisationName: true,
  description: true,
  accentColor: true,
  contactEmail: true,
  defaultLocale: true,
  timeZone: true,
  publicUrl: true,
  legalNotice: true,
  embedOrigins: true,
  logoAssetId: true,
  faviconAssetId: true,
  updatedAt: true,
} as const;

/**
 * The organisation's settings, read from the database on each call — one indexed row, so a change made on any
 * instance shows on every instance at once. A site that never saved any gets the defaults.
 */
export async function getSiteSettings(db: Database | Transaction): Promise<SiteSettings> {
  const row = await db.siteSettings.findUnique({ where: { id: "site" }, select });
  if (isLocale(row?.defaultLocale)) holder[DEFAULT_LOCALE_READ] = row.defaultLocale;
  return {
    organisationName: row?.organisationName ?? "Debrief",
    description: row?.description ?? "",
    accentColor: row?.accentColor ?? "#1f5fae",
    contactEmail: row?.contactEmail ?? "",
    defaultLocale: isLocale(row?.defaultLocale) ? row.defaultLocale : env.DEFAULT_LOCALE,
    timeZone: row?.timeZone ?? "Europe/Paris",
    publicUrl: (row?.publicUrl || env.SITE_URL).replace(/\/+$/, ""),
    publicUrlSetting: row?.publicUrl ?? "",
    legalNotice: row?.legalNotice ?? "",
    embedOrigins: parseEmbedOrigins(row?.embedOrigins ?? ""),
    logoAssetId: row?.logoAssetId ?? null,
    faviconAssetId: row?.faviconAssetId ?? null,
    updatedAt: row?.updatedAt ?? new Date(0),
  };
}

// Kept on globalThis: server.ts and Next.js's bundled code each load their own copy of this module, and the JSON
// errors server.ts answers itself must speak the language Next.js's pages last read.
const DEFAULT_LOCALE_READ = Symbol.for("debrief.lastReadDefaultLocale");
const holder = globalThis as unknown as { [DEFAULT_LOCALE_READ]?: Locale };

/**
 * The site's language as this instance last read it from the settings (DEFAULT_LOCALE before the first read):
 * for the answers given before any database read — a request refused before Next.js, a JSON error. Pages and
 * stored choices (the language of a recap e-mail) read the settings themselves.
 */
export function lastKnownDefaultLocale(): Locale {
  return holder[DEFAULT_LOCALE_READ] ?? env.DEFAULT_LOCALE;
}

/** "Agence LIMITE <debrief@example.org>": the organisation's name with MAIL_FROM's address. */
export function senderFor(settings: Pick<SiteSettings, "organisationName">, mailFrom: string = env.MAIL_FROM): string {
  const address = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom.trim();
  const name = settings.organisationName.replace(/["\\\r\n]/g, "").trim();
  return name ? `"${name}" <${address}>` : address;
}
