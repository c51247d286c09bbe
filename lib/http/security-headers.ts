/**
 * Headers every answer of this site carries: next.config.ts sets them on what Next.js answers, server.ts on what
 * it answers before Next.js (the JSON API's comment). This file imports nothing: next.config.ts reads it.
 */
export const SITE_HEADERS: Readonly<Record<string, string>> = {
  "Referrer-Policy": "same-origin",
  "X-Content-Type-Options": "nosniff",
  // Nothing here needs a camera, a microphone, a location or a payment: denied to every page and frame.
  "Permissions-Policy":
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), display-capture=(), screen-wake-lock=(), xr-spatial-tracking=(), publickey-credentials-get=(), browsing-topics=()",
};

/** Pages and answers that carry private data, never stored by a browser or a proxy (Next.js path patterns). */
export const PRIVATE_PATHS = [
  "/dashboard/:path*",
  "/dashboard",
  "/api/dashboard/:path*",
  "/recap-requests/:path*",
  "/digest/:path*",
  "/sign-in",
  "/api/auth/:path*",
];

/**
 * The site's Content-Security-Policy: only what this server serves, and inline scripts only those it wrote
 * into this very page — each allowed by its SHA-256 hash, no 'unsafe-inline'. Next.js inlines its page data in
 * small scripts; hashes (rather than nonces) stay valid for a page kept in the page cache, whose bytes are the
 * same for every reader.
 */
export function contentSecurityPolicy(scriptHashes: string[], options: { development?: boolean } = {}): string {
  // `next dev` needs inline and eval'd scripts.
  const allowed = options.development ? ["'unsafe-inline'", "'unsafe-eval'"] : scriptHashes.map((hash) => `'sha256-${hash}'`);
  const scripts = ["'self'", ...allowed].join(" ");
  return [
    "default-src 'self'",
    `script-src ${scripts}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}
