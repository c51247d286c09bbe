"use server";

import { cookies, headers } from "next/headers";
import { isSecureRequest } from "@/lib/http/client-info";
import { redirect } from "next/navigation";
import { safeReturnPath } from "@/lib/http/safe-return-path";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";

/** Remembers the visitor's language and returns them to the page they were on. Works without JavaScript. */
export async function setLocale(formData: FormData) {
  const locale = formData.get("locale");
  if (isLocale(locale)) {
    (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax", secure: isSecureRequest(await headers()) });
  }
  // Only a path on this site, however the address is written.
  redirect(safeReturnPath(formData.get("returnTo"), "/"));
}
