import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Images (logo, favicon, event covers) are uploaded through server actions: up to 5 MB, plus the form around them.
  experimental: { serverActions: { bodySizeLimit: "6mb" } },
  // better-sqlite3 is a native addon and Prisma's driver adapters load it at run time.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg"],
  async headers() {
    return [
      {
        // Every path but the recap box other sites frame (/embed/events/…), which sends its own policy with the sites
        // allowed to frame it (app/embed/events/[slug]/route.ts).
        source: "/:path((?!embed/events/).*)",
        headers: [
          // No third-party requests: the browser may load only what this server serves. In production the server
          // replaces this on every HTML page with the hashes of that page's own inline scripts
          // (lib/http/content-security-policy.ts); `next dev` needs inline and eval'd scripts.
          {
            key: "Content-Security-Policy",
            value: `default-src 'self'; script-src 'self'${process.env.NODE_ENV === "development" ? " 'unsafe-inline' 'unsafe-eval'" : ""}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'`,
          },
        ],
      },
      {
        source: "/:path*",
        headers: [
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          // Nothing here needs a camera, a microphone, a location or a payment: denied to every page and frame.
          {
            key: "Permissions-Policy",
            value:
              "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), display-capture=(), screen-wake-lock=(), xr-spatial-tracking=(), publickey-credentials-get=(), browsing-topics=()",
          },
        ],
      },
      // Pages and answers that carry private data are never stored by a browser or a proxy.
      ...["/dashboard/:path*", "/dashboard", "/api/dashboard/:path*", "/recap-requests/:path*", "/digest/:path*", "/sign-in", "/api/auth/:path*"].map(
        (source) => ({
          source,
          headers: [{ key: "Cache-Control", value: "private, no-store" }],
        }),
      ),
    ];
  },
};

export default withNextIntl(nextConfig);
