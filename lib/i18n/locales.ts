export const locales = ["fr", "en"] as const;
export type Locale = (typeof locales)[number];

export const LOCALE_COOKIE = "NEXT_LOCALE";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/**
 * The visitor's own language, if they gave one this site speaks: their explicit choice (cookie) first, then
 * the best Accept-Language match. Null when unsure.
 */
export function preferredLocale(cookieValue: string | undefined, acceptLanguage: string | null | undefined): Locale | null {
  if (isLocale(cookieValue)) return cookieValue;
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const qParam = params.find((p) => p.trim().startsWith("q="));
      const q = qParam ? Number(qParam.trim().slice(2)) : 1;
      return { language: tag.trim().toLowerCase().split("-")[0], q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.language && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const entry of ranked) {
    if (isLocale(entry.language)) return entry.language;
  }
  return null;
}

/** The visitor's language, or the site's default (its settings' language) when unsure. */
export function resolveLocale(cookieValue: string | undefined, acceptLanguage: string | null | undefined, defaultLocale: Locale): Locale {
  return preferredLocale(cookieValue, acceptLanguage) ?? defaultLocale;
}
