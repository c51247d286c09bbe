import type { MetadataRoute } from "next";
import { db } from "@/lib/db/client";
import { getSiteSettings } from "@/lib/settings/site-settings";

export const dynamic = "force-dynamic";

/** The published events, for search engines. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const [{ publicUrl }, events] = await Promise.all([
    getSiteSettings(db),
    db.event.findMany({ where: { status: "PUBLISHED" }, orderBy: { startsAt: "desc" }, select: { slug: true, updatedAt: true } }),
  ]);
  return [
    { url: `${publicUrl}/`, changeFrequency: "weekly" },
    ...events.map((event) => ({ url: `${publicUrl}/events/${event.slug}`, lastModified: event.updatedAt })),
    { url: `${publicUrl}/privacy` },
    { url: `${publicUrl}/legal` },
  ];
}
