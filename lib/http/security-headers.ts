/**
 * Headers every answer of this site carries: next.config.ts sets them on what Next.js answers, server.ts on what
 * it answers before Next.js (the JSON API's comment). The Content-Security-Policy is in ./content-security-policy.ts.
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
