import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { forPage, pageActor } from "@/lib/auth/page-access";
import { db } from "@/lib/db/client";
import { formatCommentDate } from "@/lib/i18n/format-dates";
import type { Locale } from "@/lib/i18n/locales";
import { listMailbox } from "@/lib/notifications/list-mailbox";
import { siteSettingsForRequest } from "@/lib/settings/site-settings-for-request";

export default async function MailboxPage() {
  const [emails, t, locale, { timeZone }] = await Promise.all([
    forPage(listMailbox({ db, actor: await pageActor() })),
    getTranslations("dashboard"),
    getLocale() as Promise<Locale>,
    siteSettingsForRequest(),
  ]);
  return (
    <>
      <h1>{t("mailbox")}</h1>
      <p className="muted">{t("mailboxIntro")}</p>
      {emails.length === 0 ? (
        <p className="muted">{t("noMail")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--cards">
            <thead>
              <tr>
                <th scope="col">{t("date")}</th>
                <th scope="col">{t("to")}</th>
                <th scope="col">{t("subject")}</th>
                <th scope="col">{t("status")}</th>
              </tr>
            </thead>
            <tbody>
              {emails.map((email) => (
                <tr key={email.id}>
                  <td data-label={t("date")}>{formatCommentDate(email.createdAt, timeZone, locale)}</td>
                  <td data-label={t("to")}>{email.toAddress}</td>
                  <td data-label={t("subject")}>
                    <Link href={`/dashboard/mailbox/${email.id}`}>{email.subject}</Link>
                  </td>
                  <td data-label={t("status")}>{t(`mailStatus${email.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
