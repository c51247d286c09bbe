"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";

/** Remembers the visitor's language and returns them to the page they were on. Works without JavaScript. */
export async function setLocale(formData: FormData) {
  const locale = formData.get("locale");
  const returnTo = String(formData.get("returnTo") ?? "/");
  if (isLocale(locale)) {
    (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
  }
  // Only same-site paths, never "//evil.example".
  redirect(returnTo.startsWith("/") && !returnTo.startsWith("//") ? returnTo : "/");
}
