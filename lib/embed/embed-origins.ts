/** The most sites an organisation lists as allowed to embed its recap boxes. */
export const MAX_EMBED_ORIGINS = 20;

/** "https://www.agir.example.org" from what an admin typed ("www.agir.example.org/", "https://WWW.Agir.example.org/evenements"); null if it is no web address. */
export function toOrigin(value: string): string | null {
  const text = value.trim();
  if (!text) return null;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
    if (!/^https?:$/.test(url.protocol) || url.username || url.password) return null;
    // A host name or an IP address: no wildcard, nothing a policy would read otherwise.
    if (!/^([a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/i.test(url.hostname)) return null;
    return url.origin;
  } catch {
    return null;
  }
}

/** The stored list (one origin a line) as a list. */
export function parseEmbedOrigins(stored: string): string[] {
  return stored
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
}

/**
 * The frame-ancestors directive for the recap box: only the sites the admin listed; none listed, no site may
 * frame it. Origins are re-checked here, so nothing stored can add another directive.
 */
export function frameAncestors(origins: string[]): string {
  const allowed = origins.map(toOrigin).filter((origin): origin is string => origin !== null && /^[a-z0-9.:/-]+$/i.test(origin));
  return `frame-ancestors ${allowed.length ? allowed.join(" ") : "'none'"}`;
}
