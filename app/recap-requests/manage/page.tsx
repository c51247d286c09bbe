import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { TokenForm } from "@/components/forms/TokenForm";
import { db } from "@/lib/db/client";
import { formatLongDate } from "@/lib/i18n/format-dates";
import type { Locale } from "@/lib/i18n/locales";
import { findRecapRequestForManaging } from "@/lib/recaps/find-recap-request-for-managing";
import { recapRequestIdFromManageToken } from "@/lib/recaps/recap-request-links";
import { eraseAction, withdrawAction } from "./actions";

export const metadata = { robots: { index: false } };

type Props = { searchParams: Promise<{ token?: string; done?: string }> };

/** Linked from every recap e-mail: see, withdraw or erase one's request, no account needed. */
export default async function ManageRecapRequestPage({ searchParams }: Props) {
  const { token = "", done } = await searchParams;
  const [t, tErrors, locale] = await Promise.all([getTranslations("recaps"), getTranslations("errors"), getLocale() as Promise<Locale>]);
  if (done === "erased") {
    return (
      <>
        <h1>{t("manageTitle")}</h1>
        <p className="notice notice--success">{t("erased")}</p>
      </>
    );
  }
  const request = await findRecapRequestForManaging({ db, token });
  if (!request) {
    // A genuine link whose request is gone was used to erase it: say so, rather than "invalid".
    const erased = recapRequestIdFromManageToken(token, new Date()) !== null;
    return (
      <>
        <h1>{erased ? t("manageTitle") : t("invalidTitle")}</h1>
        <p>{erased ? t("manageErased") : tErrors("manageLinkInvalid")}</p>
      </>
    );
  }
  // Past tense only for what already happened: the recap was sent, or it is on its way.
  const status =
    request.status === "CONFIRMED" && request.recapSentAt
      ? t("manageStatusSENT", { date: formatLongDate(request.recapSentAt, request.event.timeZone, locale) })
      : request.status === "CONFIRMED" && request.event.recap?.status === "PUBLISHED"
        ? t("manageStatusQUEUED")
        : t(`manageStatus${request.status}`);
  return (
    <>
      <h1>{t("manageTitle")}</h1>
      <p>{t("manageFor", { email: request.email, event: request.event.title })}</p>
      <p className={done === "withdrawn" ? "notice notice--success" : "notice"} data-request-status={request.recapSentAt ? "SENT" : request.status}>
        {status}
      </p>
      <div className="row-actions">
        {request.status !== "WITHDRAWN" && (
          <TokenForm action={withdrawAction} token={token}>
            {t("withdraw")}
          </TokenForm>
        )}
        <TokenForm action={eraseAction} token={token} className="button button--quiet">
          {t("erase")}
        </TokenForm>
      </div>
      <p>
        <Link href={`/events/${request.event.slug}`}>← {t("backToEvent")}</Link>
      </p>
    </>
  );
}
