import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { siteSettingsForRequest } from "@/lib/settings/site-settings-for-request";
import { LOCALE_COOKIE, resolveLocale } from "./locales";
import { messagesByLocale } from "./messages";

export default getRequestConfig(async () => {
  const locale = resolveLocale(
    (await cookies()).get(LOCALE_COOKIE)?.value,
    (await headers()).get("accept-language"),
    (await siteSettingsForRequest()).defaultLocale,
  );
  return { locale, messages: messagesByLocale[locale] };
});
