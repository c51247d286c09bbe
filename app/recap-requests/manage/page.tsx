import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db/client";
import { findRecapRequestForManaging } from "@/lib/recaps/withdraw-recap-request";
import { eraseAction, withdrawAction } from "./actions";

export const metadata = { robots: { index: false } };

type Props = { searchParams: Promise<{ token?: string; done?: string }> };

/** Linked from every recap e-mail: see, withdraw or erase one's request, no account needed. */
export default async function ManageRecapRequestPage({ searchParams }: Props) {
  const { token = "", done } = await searchParams;
  const t = await getTranslations("recaps");
  const tErrors = await getTranslations("errors");
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
    return (
      <>
        <h1>{t("invalidTitle")}</h1>
        <p>{tErrors("confirmationLinkInvalid")}</p>
      </>
    );
  }
  return (
    <>
      <h1>{t("manageTitle")}</h1>
      <p>{t("manageFor", { email: request.email, event: request.event.title })}</p>
      <p className={done === "withdrawn" ? "notice notice--success" : "notice"}>{t(`manageStatus${request.status}`)}</p>
      <div className="row-actions">
        {request.status !== "WITHDRAWN" && (
          <form action={withdrawAction}>
            <input type="hidden" name="token" value={token} />
            <button type="submit" className="button">
              {t("withdraw")}
            </button>
          </form>
        )}
        <form action={eraseAction}>
          <input type="hidden" name="token" value={token} />
          <button type="submit" className="button button--quiet">
            {t("erase")}
          </button>
        </form>
      </div>
      <p>
        <Link href={`/events/${request.event.slug}`}>← {t("backToEvent")}</Link>
      </p>
    </>
  );
}
