import type { MetadataRoute } from "next";
import { db } from "@/lib/db/client";
import { getSiteSettings } from "@/lib/settings/site-settings";

export const dynamic = "force-dynamic";

/** Search engines may read the public pages, never the dashboard nor personal links. */
export default async function robots(): Promise<MetadataRoute.Robots> {
  const { publicUrl } = await getSiteSettings(db);
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/dashboard", "/api/", "/recap-requests/", "/digest/", "/invitations/", "/setup", "/sign-in"] },
    sitemap: `${publicUrl}/sitemap.xml`,
  };
}
