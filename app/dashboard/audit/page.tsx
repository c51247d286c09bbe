import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { FilterSelect } from "@/components/forms/FilterSelect";
import { forPage, pageActor } from "@/lib/auth/page-access";
import { db } from "@/lib/db/client";
import { formatCommentDate } from "@/lib/i18n/format-dates";
import type { Locale } from "@/lib/i18n/locales";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { isAuditAction } from "@/lib/audit/record-audit";
import { siteSettingsForRequest } from "@/lib/settings/site-settings-for-request";

type Props = { searchParams: Promise<Record<string, string | undefined>> };

/** Who did what: every audited change, in words, filtered by person, action and event; works without JavaScript. */
export default async function AuditPage({ searchParams }: Props) {
  const params = await searchParams;
  const [log, t, locale, { timeZone }] = await Promise.all([
    forPage(listAuditLog({ db, actor: await pageActor(), filters: params })),
    getTranslations("audit"),
    getLocale() as Promise<Locale>,
    siteSettingsForRequest(),
  ]);
  const describeEntry = (row: (typeof log.rows)[number]) => {
    if (!isAuditAction(row.action)) return `${row.action} ${JSON.stringify(row.details)}`;
    // Counts added to an action later (e.g. invitations withdrawn) read as zero on older rows.
    const values = {
      invitationsWithdrawn: "0",
      ...Object.fromEntries(Object.entries(row.details).map(([name, value]) => [name, Array.isArray(value) ? value.join(", ") : String(value ?? "")])),
    };
    return t(`action.${row.action}`, values);
  };
  const pageHref = (page: number) =>
    `/dashboard/audit?${new URLSearchParams({ ...Object.fromEntries(Object.entries(params).filter(([, value]) => value)), page: String(page) })}`;
  return (
    <>
      <h1>{t("title")}</h1>
      <form method="get" className="filters row-actions" aria-label={t("filters")}>
        {[
          {
            id: "audit-actor",
            name: "actorId",
            defaultValue: log.filters.actorId ?? "",
            label: t("person"),
            anyLabel: t("anyone"),
            options: log.choices.people.map((person) => ({ value: person.id, label: person.name })),
          },
          {
            id: "audit-action",
            name: "action",
            defaultValue: log.filters.action ?? "",
            label: t("actionLabel"),
            anyLabel: t("anyAction"),
            options: log.choices.actions.map((action) => ({ value: action, label: isAuditAction(action) ? t(`actionName.${action}`) : action })),
          },
          {
            id: "audit-event",
            name: "eventId",
            defaultValue: log.filters.eventId ?? "",
            label: t("event"),
            anyLabel: t("anyEvent"),
            options: log.choices.events.map((event) => ({ value: event.id, label: event.title })),
          },
        ].map((filter) => (
          <FilterSelect key={filter.id} {...filter} />
        ))}
        <button type="submit" className="button button--small">
          {t("apply")}
        </button>
      </form>
      <p className="muted">{t("count", { count: log.total })}</p>
      <ol className="audit-log">
        {log.rows.map((row) => (
          <li key={row.id}>
            <time dateTime={row.createdAt.toISOString()} className="muted">
              {formatCommentDate(row.createdAt, timeZone, locale)}
            </time>{" "}
            <strong>{row.actor?.name ?? (row.actorName ? t("removedAccount", { name: row.actorName }) : t("system"))}</strong> — {describeEntry(row)}
          </li>
        ))}
      </ol>
      {log.pageCount > 1 && (
        <nav className="pagination" aria-label={t("pages")}>
          {log.page > 1 ? <Link href={pageHref(log.page - 1)}>{t("previous")}</Link> : <span />}
          <span aria-current="page">{t("pageOf", { page: log.page, count: log.pageCount })}</span>
          {log.page < log.pageCount ? <Link href={pageHref(log.page + 1)}>{t("next")}</Link> : <span />}
        </nav>
      )}
    </>
  );
}
