import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { findRecapRequestByToken } from "@/lib/recaps/confirm-recap-request";
import { confirmRecapRequestAction } from "./actions";

export const metadata = { robots: { index: false } };

export default async function ConfirmRecapRequestPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token = "" } = await searchParams;
  const t = await getTranslations("recaps");
  const tErrors = await getTranslations("errors");
  const found = await findRecapRequestByToken({ db, token }).catch((error: unknown) => {
    if (isAppError(error)) return { error: error.messageKey };
    throw error;
  });

  if ("error" in found) {
    return (
      <>
        <h1>{t("invalidTitle")}</h1>
        <p>{tErrors(found.error as never)}</p>
      </>
    );
  }
  const eventLink = (
    <p>
      <Link href={`/events/${found.event.slug}`}>← {t("backToEvent")}</Link>
    </p>
  );
  if (found.status === "CONFIRMED") {
    return (
      <>
        <h1>{t("confirmedTitle")}</h1>
        <p className="notice notice--success">{t("confirmedText", { event: found.event.title })}</p>
        {eventLink}
      </>
    );
  }
  return (
    <>
      <h1>{t("confirmTitle")}</h1>
      <p>{t("confirmText", { event: found.event.title })}</p>
      <form action={confirmRecapRequestAction}>
        <input type="hidden" name="token" value={token} />
        <button type="submit" className="button">
          {t("confirmButton")}
        </button>
      </form>
      {eventLink}
    </>
  );
}
