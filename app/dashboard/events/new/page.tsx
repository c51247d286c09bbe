import { getTranslations } from "next-intl/server";
import { EventEditor } from "@/components/dashboard/EventEditor";
import { assertCan } from "@/lib/auth/permissions";
import { currentActor } from "@/lib/auth/current-actor";
import { db } from "@/lib/db/client";
import { getSiteSettings } from "@/lib/settings/site-settings";

export default async function NewEventPage() {
  assertCan(await currentActor(), "event:edit");
  const [t, settings] = await Promise.all([getTranslations("dashboard"), getSiteSettings(db)]);
  return (
    <>
      <h1>{t("newEvent")}</h1>
      <EventEditor initial={{ timeZone: settings.timeZone, language: settings.defaultLocale, status: "DRAFT" }} siteTimeZone={settings.timeZone} />
    </>
  );
}
