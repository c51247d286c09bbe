import { getTranslations } from "next-intl/server";
import { EventEditor } from "@/components/dashboard/EventEditor";
import { pageActor } from "@/lib/auth/page-access";
import { siteSettingsForRequest } from "@/lib/settings/site-settings-for-request";

export default async function NewEventPage() {
  await pageActor("event:edit");
  const [t, settings] = await Promise.all([getTranslations("dashboard"), siteSettingsForRequest()]);
  return (
    <>
      <h1>{t("newEvent")}</h1>
      <EventEditor initial={{ timeZone: settings.timeZone, language: settings.defaultLocale, status: "DRAFT" }} siteTimeZone={settings.timeZone} />
    </>
  );
}
