import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { TokenForm } from "@/components/forms/TokenForm";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { formatLongDate } from "@/lib/i18n/format-dates";
import type { Locale } from "@/lib/i18n/locales";
import { findRecapRequestByToken } from "@/lib/recaps/find-recap-request-by-token";
import { confirmRecapRequestAction } from "./actions";

export const metadata = { robots: { index: false } };

export default async function ConfirmRecapRequestPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token = "" } = await searchParams;
  const [t, tErrors, locale] = await Promise.all([getTranslations("recaps"), getTranslations("errors"), getLocale() as Promise<Locale>]);
  const found = await findRecapRequestByToken({ db, token }).catch((error: unknown) => {
    if (isAppError(error)) return { error: error.messageKey };
    throw error;
  });

  if ("error" in found) {
    return (
      <>
        <h1>{t("invalidTitle")}</h1>
        <p>{tErrors(found.error)}</p>
      </>
    );
  }
  const eventLink = (
    <p>
      <Link href={`/events/${found.event.slug}${found.recapPublished ? "#recap" : ""}`}>← {found.recapPublished ? t("readRecap") : t("backToEvent")}</Link>
    </p>
  );
  if (found.status === "CONFIRMED") {
    const text = found.recapSentAt
      ? t("confirmedTextSent", { event: found.event.title, date: formatLongDate(found.recapSentAt, found.event.timeZone, locale) })
      : found.recapPublished
        ? t("confirmedTextPublished", { event: found.event.title })
        : t("confirmedText", { event: found.event.title });
    return (
      <>
        <h1>{t("confirmedTitle")}</h1>
        <p className="notice notice--success">{text}</p>
        {eventLink}
      </>
    );
  }
  return (
    <>
      <h1>{t("confirmTitle")}</h1>
      <p>{found.recapPublished ? t("confirmTextPublished", { event: found.event.title }) : t("confirmText", { event: found.event.title })}</p>
      <TokenForm action={confirmRecapRequestAction} token={token}>
        {t("confirmButton")}
      </TokenForm>
      {eventLink}
    </>
  );
}
