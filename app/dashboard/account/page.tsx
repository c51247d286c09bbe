import { getTranslations } from "next-intl/server";
import { PreferencesForm } from "@/components/dashboard/PreferencesForm";
import { ProfileForm } from "@/components/dashboard/ProfileForm";
import { forPage, pageActor } from "@/lib/auth/page-access";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { getOwnPreferences } from "@/lib/users/get-own-preferences";
import { signOutEverywhereAction } from "./actions";

export default async function AccountPage() {
  const [preferences, t] = await Promise.all([forPage(getOwnPreferences({ db, actor: await pageActor() })), getTranslations("dashboard")]);
  return (
    <>
      <h1>{t("accountTitle")}</h1>
      <ProfileForm saved={{ name: preferences.name, email: preferences.email }} />
      <h2>{t("preferencesTitle")}</h2>
      <PreferencesForm saved={{ locale: preferences.locale, digest: !preferences.digestOptOut }} nudgeAfterDays={env.RECAP_NUDGE_AFTER_DAYS} />
      <form action={signOutEverywhereAction}>
        <p className="muted">{t("signOutEverywhereHint")}</p>
        <button type="submit" className="button button--quiet">
          {t("signOutEverywhere")}
        </button>
      </form>
    </>
  );
}
