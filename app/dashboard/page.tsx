import Link from "next/link";
import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { forPage, pageActor } from "@/lib/auth/page-access";
import { db } from "@/lib/db/client";
import { listDashboardEvents } from "@/lib/events/list-dashboard-events";
import { formatCommentDate, formatPlainDate, formatShortDate } from "@/lib/i18n/format-dates";
import type { Locale } from "@/lib/i18n/locales";
import { knownErrorKey } from "@/lib/i18n/messages";
import { getDeliveryHealth } from "@/lib/jobs/worker-heartbeat";
import { can } from "@/lib/auth/permissions";
import { siteSettingsForRequest } from "@/lib/settings/site-settings-for-request";
import { publicAddressWarning } from "@/lib/settings/public-address-check";

type Props = { searchParams: Promise<{ deleted?: string; error?: string }> };

export default async function DashboardPage({ searchParams }: Props) {
  const actor = await pageActor();
  const [events, health, t, locale, settings, requestHeaders, outcome, tErrors] = await Promise.all([
    forPage(listDashboardEvents({ db, actor })),
    getDeliveryHealth(db, new Date()),
    getTranslations("dashboard"),
    getLocale() as Promise<Locale>,
    siteSettingsForRequest(),
    headers(),
    searchParams,
    getTranslations("errors"),
  ]);
  const addressWarning = can(actor, "site:manage") ? publicAddressWarning(settings.publicUrl, requestHeaders.get("host")) : null;
  const recapLabel = (event: (typeof events)[number]) =>
    event.recapStatus === "PUBLISHED"
      ? t("recapPublished")
      : event.recapOutlook === "NOT_PLANNED"
        ? t("recapNotPlanned")
        : event.recapOutlook === "EXPECTED"
          ? event.recapExpectedOn
            ? t("recapExpectedOn", { date: formatPlainDate(event.recapExpectedOn, locale) })
            : t("recapExpected")
          : event.recapStatus === "DRAFT"
            ? t("recapDraft")
            : t("editRecap");
  // Mail is not moving: no worker beating, or e-mails due for minutes that nobody took.
  const mailStuck = health.worker !== "ok" || health.overdueEmails > 0;
  return (
    <>
      <h1>{t("title")}</h1>
      <div role="status" aria-live="polite">
        {typeof outcome.deleted === "string" && outcome.deleted && (
          <p className="notice notice--success">{t("eventDeleted", { title: outcome.deleted.slice(0, 200) })}</p>
        )}
        {outcome.error && (
          <p className="notice notice--error" role="alert">
            {tErrors(knownErrorKey(outcome.error))}
          </p>
        )}
      </div>
      {mailStuck && (
        <div className="notice notice--error" role="alert" data-testid="mail-warning">
          {health.worker === "stale" && health.lastBeatAt && (
            <p>{t("workerStale", { since: formatCommentDate(health.lastBeatAt, settings.timeZone, locale) })}</p>
          )}
          {health.worker === "none" && <p>{t("workerNone")}</p>}
          {health.overdueEmails > 0 && <p>{t("mailOverdue", { count: health.overdueEmails })}</p>}
        </div>
      )}
      {addressWarning && (
        <div className="notice notice--error" data-testid="address-warning">
          <p>
            {t("publicAddressWarning", { publicUrl: addressWarning.publicUrl, host: addressWarning.requestHost })}{" "}
            <Link href="/dashboard/settings">{t("publicAddressFix")}</Link>
          </p>
        </div>
      )}
      <p>
        <Link href="/dashboard/events/new" className="button">
          {t("newEvent")}
        </Link>
      </p>
      {events.length === 0 ? (
        <p className="muted">{t("noEvents")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--cards">
            <thead>
              <tr>
                <th scope="col">{t("event")}</th>
                <th scope="col">{t("pendingComments")}</th>
                <th scope="col">{t("waitingRequests")}</th>
                <th scope="col">{t("waitingSince")}</th>
                <th scope="col">{t("sentRequests")}</th>
                <th scope="col">{t("withdrawnRequests")}</th>
                <th scope="col">{t("recapStatus")}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.slug} data-event={event.slug}>
                  <td data-label={t("event")}>
                    <Link href={`/events/${event.slug}`}>{event.title}</Link> (<Link href={`/dashboard/events/${event.slug}/edit`}>{t("edit")}</Link>)
                    <br />
                    <span className="muted">
                      {event.dateToCheck ? <strong>{t("dateToCheck")}</strong> : formatShortDate(event.startsAt, event.timeZone, locale)} ·{" "}
                      {event.status === "PUBLISHED" ? t("published") : t("draft")}
                    </span>
                  </td>
                  <td data-label={t("pendingComments")}>{event.pendingComments > 0 ? <Link href="/dashboard/moderation">{event.pendingComments}</Link> : 0}</td>
                  <td data-count="waiting" data-label={t("waitingRequests")}>
                    {event.waiting}
                  </td>
                  <td data-label={t("waitingSince")}>{event.waitingSince ? formatShortDate(event.waitingSince, event.timeZone, locale) : "—"}</td>
                  <td data-count="sent" data-label={t("sentRequests")}>
                    {event.sent}
                  </td>
                  <td data-count="withdrawn" data-label={t("withdrawnRequests")}>
                    {event.withdrawn}
                  </td>
                  <td data-label={t("recapStatus")}>
                    <Link href={`/dashboard/events/${event.slug}/recap`}>{recapLabel(event)}</Link>
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
