const LOCAL = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|::1|0\.0\.0\.0)$/;

function hostname(host: string): string {
  return host.replace(/:\d+$/, "").toLowerCase();
}

/**
 * What the dashboard tells an admin who reaches the site under a real name while the public address (SITE_URL
 * or the setting) is still a local one: the links in every e-mail would point to their own machine. The host
 * compared is the admin's own request's, so nobody else can make the warning appear.
 */
export function publicAddressWarning(publicUrl: string, requestHost: string | null): { publicUrl: string; requestHost: string } | null {
  if (!requestHost || LOCAL.test(hostname(requestHost))) return null;
  if (!LOCAL.test(new URL(publicUrl).hostname)) return null;
  return { publicUrl, requestHost };
}
