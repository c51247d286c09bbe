import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { currentActor } from "@/lib/auth/current-actor";
import { db } from "@/lib/db/client";
import { listDashboardEvents } from "@/lib/events/list-dashboard-events";
import { formatShortDate } from "@/lib/i18n/format-dates";
import type { Locale } from "@/lib/i18n/locales";

export default async function DashboardPage() {
  const [events, t, locale] = await Promise.all([
    listDashboardEvents({ db, actor: await currentActor() }),
    getTranslations("dashboard"),
    getLocale() as Promise<Locale>,
  ]);
  return (
    <>
      <h1>{t("title")}</h1>
      <p>
        <Link href="/dashboard/events/new" className="button">
          {t("newEvent")}
        </Link>
      </p>
      {events.length === 0 ? (
        <p className="muted">{t("noEvents")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("event")}</th>
                <th scope="col">{t("pendingComments")}</th>
                <th scope="col">{t("waitingRequests")}</th>
                <th scope="col">{t("waitingSince")}</th>
                <th scope="col">{t("recapStatus")}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.slug}>
                  <td>
                    <Link href={`/events/${event.slug}`}>{event.title}</Link>{" "}
                    (<Link href={`/dashboard/events/${event.slug}/edit`}>{t("edit")}</Link>)
                    <br />
                    <span className="muted">
                      {formatShortDate(event.startsAt, event.timeZone, locale)} · {event.status === "PUBLISHED" ? t("published") : t("draft")}
                    </span>
                  </td>
                  <td>{event.pendingComments > 0 ? <Link href="/dashboard/moderation">{event.pendingComments}</Link> : 0}</td>
                  <td>{event.confirmedRequests}</td>
                  <td>{event.waitingSince ? formatShortDate(event.waitingSince, event.timeZone, locale) : "—"}</td>
                  <td>
                    <Link href={`/dashboard/events/${event.slug}/recap`}>
                      {event.recapStatus === "PUBLISHED" ? t("recapPublished") : event.recapStatus === "DRAFT" ? t("recapDraft") : t("editRecap")}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
