import { isoWithOffset } from "@/lib/i18n/zoned-time";
import type { SiteSettings } from "@/lib/settings/site-settings";

type EventForStructuredData = {
  slug: string;
  title: string;
  summary: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  venueName: string;
  venueAddress: string;
  language: string;
  coverAssetId: string | null;
  recap: { publishedAt: Date | null } | null;
};

/** A venue named like a video call: the event happens online. */
const ONLINE_VENUE = /\b(en ligne|online|visio(conf[ée]rence)?|webinaire?|zoom|jitsi|big ?blue ?button)\b/i;

/**
 * The event as schema.org `Event` JSON-LD, for search engines and the tools associations already use: dates with
 * their offset, the place and its address, the organisation as organizer, its status and attendance mode, the
 * cover, and the published recap as the work that recorded it.
 */
export function eventStructuredData(
  event: EventForStructuredData,
  settings: Pick<SiteSettings, "organisationName" | "publicUrl">,
  recapLabel: string,
): Record<string, unknown> {
  const url = `${settings.publicUrl}/events/${event.slug}`;
  const online = !event.venueAddress.trim() && ONLINE_VENUE.test(event.venueName);
  return {
    "@context": "https://schema.org",
    "@type": "Event",
    name: event.title,
    description: event.summary,
    url,
    inLanguage: event.language,
    startDate: isoWithOffset(event.startsAt, event.timeZone),
    endDate: isoWithOffset(event.endsAt, event.timeZone),
    eventStatus: "https://schema.org/EventScheduled",
    eventAttendanceMode: online ? "https://schema.org/OnlineEventAttendanceMode" : "https://schema.org/OfflineEventAttendanceMode",
    location: online
      ? { "@type": "VirtualLocation", name: event.venueName, url }
      : {
          "@type": "Place",
          name: event.venueName,
          address: { "@type": "PostalAddress", streetAddress: event.venueAddress.replace(/\s*\n\s*/g, ", ") || event.venueName },
        },
    organizer: { "@type": "Organization", name: settings.organisationName, url: `${settings.publicUrl}/` },
    ...(event.coverAssetId && { image: [`${settings.publicUrl}/assets/${event.coverAssetId}`] }),
    ...(event.recap?.publishedAt && {
      recordedIn: {
        "@type": "CreativeWork",
        name: `${recapLabel} — ${event.title}`,
        url: `${url}#recap`,
        datePublished: event.recap.publishedAt.toISOString(),
        inLanguage: event.language,
      },
    }),
  };
}

/** JSON for an inline <script type="application/ld+json">: nothing in it can close the element or open a comment. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
