import Link from "next/link";
import type { EventListItem } from "@/lib/events/list-events";
import { formatShortDate } from "@/lib/i18n/format-dates";
import type { Locale } from "@/lib/i18n/locales";

export function EventCard({ event, locale, commentsLabel }: { event: EventListItem; locale: Locale; commentsLabel: string }) {
  return (
    <li className="event-card">
      <p className="event-card__meta">
        <time dateTime={event.startsAt.toISOString()}>{formatShortDate(event.startsAt, event.timeZone, locale)}</time>
        {" · "}
        {event.venueName}
      </p>
      <h3 className="event-card__title">
        <Link href={`/events/${event.slug}`} lang={event.language}>
          {event.title}
        </Link>
      </h3>
      <p className="event-card__summary" lang={event.language}>
        {event.summary}
      </p>
      <p className="event-card__meta">{commentsLabel}</p>
    </li>
  );
}
