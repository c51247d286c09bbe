import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { currentActor } from "@/lib/auth/current-actor";
import { db } from "@/lib/db/client";
import { formatCommentDate } from "@/lib/i18n/format-dates";
import type { Locale } from "@/lib/i18n/locales";
import { listMailbox } from "@/lib/notifications/list-mailbox";

export default async function MailboxPage() {
  const [emails, t, locale] = await Promise.all([
    listMailbox({ db, actor: await currentActor() }),
    getTranslations("dashboard"),
    getLocale() as Promise<Locale>,
  ]);
  return (
    <>
      <h1>{t("mailbox")}</h1>
      <p className="muted">{t("mailboxIntro")}</p>
      {emails.length === 0 ? (
        <p className="muted">{t("noMail")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
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
                  <td>{formatCommentDate(email.createdAt, "Europe/Paris", locale)}</td>
                  <td>{email.toAddress}</td>
                  <td>
                    <Link href={`/dashboard/mailbox/${email.id}`}>{email.subject}</Link>
                  </td>
                  <td>{t(`mailStatus${email.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
