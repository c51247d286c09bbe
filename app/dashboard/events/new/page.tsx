import { getTranslations } from "next-intl/server";
import { EventEditor } from "@/components/dashboard/EventEditor";
import { assertCan } from "@/lib/auth/permissions";
import { currentActor } from "@/lib/auth/current-actor";
import { env } from "@/lib/env";

export default async function NewEventPage() {
  assertCan(await currentActor(), "event:edit");
  const t = await getTranslations("dashboard");
  return (
    <>
      <h1>{t("newEvent")}</h1>
      <EventEditor initial={{ timeZone: "Europe/Paris", language: env.DEFAULT_LOCALE, status: "DRAFT" }} />
    </>
  );
}
