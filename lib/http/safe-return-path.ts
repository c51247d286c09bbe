/**
 * A return address taken from a visitor (after signing in, after switching language), as a path on this
 * site or the fallback. It is resolved against the site's own origin and kept only if it stays there:
 * "//evil.example", "/\\evil.example", "/%5Cevil.example", "https://evil.example", control characters and
 * anything that is not a plain path all give the fallback.
 */
export function safeReturnPath(value: unknown, fallback: string): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.length > 2000) return fallback;
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return fallback;
  }
  // Backslashes (browsers read them as slashes) and control characters, raw or %-encoded, are never part of our paths.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is what this expression is for
  if (/[\\\u0000-\u001f\u007f]/.test(value) || /[\\\u0000-\u001f\u007f]/.test(decoded)) return fallback;
  const base = "http://debrief.invalid";
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
