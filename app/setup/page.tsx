import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientTranslations } from "@/components/ClientTranslations";
import { SetupForm } from "@/components/setup/SetupForm";
import { db } from "@/lib/db/client";
import { setupIsOpen } from "@/lib/setup/setup-is-open";

export const metadata: Metadata = { robots: { index: false } };

/** First run: the link `npm start` printed creates the first admin and names the organisation, once. */
export default async function SetupPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const [{ token = "" }, t] = await Promise.all([searchParams, getTranslations("setup")]);
  if (!(await setupIsOpen({ db, token }))) {
    return (
      <>
        <h1>{t("closedTitle")}</h1>
        <p>{t("closed")}</p>
      </>
    );
  }
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <ClientTranslations scope="setup">
        <SetupForm token={token} />
      </ClientTranslations>
    </>
  );
}
