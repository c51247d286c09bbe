import { getTranslations } from "next-intl/server";
import type { PublishedEvent } from "@/lib/events/get-event";
import { formatLongDate, formatPlainDate } from "@/lib/i18n/format-dates";
import type { Locale } from "@/lib/i18n/locales";
import { RecapRequestForm } from "./RecapRequestForm";
import { siteSettingsForRequest } from "@/lib/settings/site-settings-for-request";

/**
 * "Couldn't make it?": what readers can expect of the recap, and the form to get it by e-mail. Every
 * sentence says what will happen: before publication, when the recap is expected (or that none is
 * planned, while still letting people ask) and how many wait; after it, the offer to receive it by e-mail.
 */
export async function RecapRequestBox({ event, locale, isPast }: { event: PublishedEvent; locale: Locale; isPast: boolean }) {
  const t = await getTranslations("recaps");
  const { status, expectedOn, note, waiting, waitingSince, sent } = event.recapStatus;
  const published = status === "PUBLISHED";
  const title = published ? t("titlePublished") : isPast ? t("title") : t("titleUpcoming");
  // The hosts' own sentence is in the event's language; the rest in the reader's.
  const intro: { text: string; lang?: string }[] =
    status === "PUBLISHED"
      ? [{ text: t("introPublished") }]
      : status === "NOT_PLANNED"
        ? [{ text: t("introNotPlanned") }, ...(note ? [{ text: note, lang: event.language }] : []), { text: t("introNotPlannedAsk") }]
        : status === "EXPECTED"
          ? [{ text: expectedOn ? t("introExpectedOn", { date: formatPlainDate(expectedOn, locale) }) : t("introExpected") }]
          : [{ text: t("intro") }];
  const counts = published
    ? sent > 0
      ? [t("sentCount", { count: sent })]
      : []
    : [
        waiting > 0 && waitingSince
          ? t("waiting", { count: waiting, since: formatLongDate(waitingSince, event.timeZone, locale) })
          : t("waiting", { count: 0, since: "" }),
      ];

  return (
    <section
      className={published ? "recap-request recap-request--after" : "recap-request"}
      aria-labelledby="recap-request-title"
      id="recap-request"
      data-recap-status={status}
    >
      <h2 id="recap-request-title">{title}</h2>
      {intro.map((line, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: fixed lines of text rendered on the server, never reordered
        <p key={index} lang={line.lang}>
          {line.text}
        </p>
      ))}
      {counts.map((line) => (
        <p key={line} className="muted">
          {line}
        </p>
      ))}
      <RecapRequestForm
        eventSlug={event.slug}
        organisationName={(await siteSettingsForRequest()).organisationName}
        variant={published ? "published" : status === "NOT_PLANNED" ? "notPlanned" : "before"}
      />
    </section>
  );
}
