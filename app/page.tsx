import { getLocale, getTranslations } from "next-intl/server";
import { EventCard } from "@/components/events/EventCard";
import { db } from "@/lib/db/client";
import { listEvents } from "@/lib/events/list-events";
import type { Locale } from "@/lib/i18n/locales";

export default async function HomePage() {
  const [{ upcoming, past }, locale, t] = await Promise.all([listEvents({ db }), getLocale() as Promise<Locale>, getTranslations("home")]);
  return (
    <>
      <h1>{t("title")}</h1>
      <section aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading">{t("upcoming")}</h2>
        {upcoming.length ? (
          <ul className="event-list">
            {upcoming.map((event) => (
              <EventCard key={event.slug} event={event} locale={locale} commentsLabel={t("comments", { count: event.commentCount })} />
            ))}
          </ul>
        ) : (
          <p className="muted">{t("noUpcoming")}</p>
        )}
      </section>
      <section aria-labelledby="past-heading">
        <h2 id="past-heading">{t("past")}</h2>
        {past.length ? (
          <ul className="event-list">
            {past.map((event) => (
              <EventCard key={event.slug} event={event} locale={locale} commentsLabel={t("comments", { count: event.commentCount })} />
            ))}
          </ul>
        ) : (
          <p className="muted">{t("noPast")}</p>
        )}
      </section>
    </>
  );
}
