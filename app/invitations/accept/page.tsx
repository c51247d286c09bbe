import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientTranslations } from "@/components/ClientTranslations";
import { AcceptInvitationForm } from "@/components/setup/AcceptInvitationForm";
import { db } from "@/lib/db/client";
import { siteSettingsForRequest } from "@/lib/settings/site-settings-for-request";
import { findInvitation } from "@/lib/users/find-invitation";

export const metadata: Metadata = { robots: { index: false } };

/** The invited host's page: choose a public name and a password; or why the link no longer works. */
export default async function AcceptInvitationPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const [{ token = "" }, t] = await Promise.all([searchParams, getTranslations("invitation")]);
  const [invitation, settings] = await Promise.all([findInvitation({ db, token }), siteSettingsForRequest()]);
  if (invitation.state !== "valid") {
    return (
      <>
        <h1>{t("unusableTitle")}</h1>
        <p>{t(`state${invitation.state}`)}</p>
      </>
    );
  }
  return (
    <>
      <h1>{t("title", { organisation: settings.organisationName })}</h1>
      <p>{t("intro", { email: invitation.email })}</p>
      <ClientTranslations scope="invitation">
        <AcceptInvitationForm token={token} />
      </ClientTranslations>
    </>
  );
}
