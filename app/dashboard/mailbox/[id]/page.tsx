import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { forPage, pageActor } from "@/lib/auth/page-access";
import { db } from "@/lib/db/client";
import { readMailboxEmail } from "@/lib/notifications/read-mailbox-email";

export default async function MailboxEmailPage({ params }: { params: Promise<{ id: string }> }) {
  const email = await forPage(readMailboxEmail({ db, actor: await pageActor(), id: (await params).id }));
  if (!email) notFound();
  const t = await getTranslations("dashboard");
  return (
    <>
      <p>
        <Link href="/dashboard/mailbox">← {t("backToMailbox")}</Link>
      </p>
      <h1>{email.subject}</h1>
      <dl className="event__facts">
        <div>
          <dt>{t("to")}</dt>
          <dd>{email.toAddress}</dd>
        </div>
        <div>
          <dt>{t("status")}</dt>
          <dd>
            {t(`mailStatus${email.status}`)}
            {email.smtpResponse ? ` — ${email.smtpResponse.startsWith("stored:") ? t("mailboxStoredOnly") : email.smtpResponse}` : ""}
            {email.lastError ? ` — ${email.lastError}` : ""}
          </dd>
        </div>
      </dl>
      {/* Links that carry a person's credential are shown redacted: hosts read e-mails, they cannot act on them. */}
      <p className="muted">{t("mailboxRedacted")}</p>
      {email.textBody === null ? (
        <p className="muted">{t("mailboxBodyErased")}</p>
      ) : (
        <>
          <h2>{t("textVersion")}</h2>
          <pre className="mail-text">{email.textBody}</pre>
          <h2>{t("htmlVersion")}</h2>
          {/* sandbox="" : the HTML can neither run scripts nor navigate this page. */}
          <iframe className="mail-html" title={t("htmlVersion")} sandbox="" srcDoc={email.htmlBody ?? ""} />
        </>
      )}
    </>
  );
}
