import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { contentSecurityPolicy, PRIVATE_PATHS, SITE_HEADERS } from "./lib/http/security-headers";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
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
          // (lib/http/content-security-policy.ts).
          { key: "Content-Security-Policy", value: contentSecurityPolicy([], { development: process.env.NODE_ENV === "development" }) },
        ],
      },
      { source: "/:path*", headers: Object.entries(SITE_HEADERS).map(([key, value]) => ({ key, value })) },
      ...PRIVATE_PATHS.map((source) => ({ source, headers: [{ key: "Cache-Control", value: "private, no-store" }] })),
    ];
  },
};

export default withNextIntl(nextConfig);
