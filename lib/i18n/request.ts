import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { env } from "@/lib/env";
import { LOCALE_COOKIE, resolveLocale } from "./locales";
import { messagesByLocale } from "./messages";

export default getRequestConfig(async () => {
  const locale = resolveLocale(
    (await cookies()).get(LOCALE_COOKIE)?.value,
    (await headers()).get("accept-language"),
    env.DEFAULT_LOCALE,
  );
  return { locale, messages: messagesByLocale[locale] };
});
