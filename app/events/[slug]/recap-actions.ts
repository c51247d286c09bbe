"use server";

import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { clientInfo } from "@/lib/http/client-info";
import type { Locale } from "@/lib/i18n/locales";
import type { RecapRequestFormState } from "@/lib/recaps/recap-request-form-state";
import { requestRecap } from "@/lib/recaps/request-recap";

/** The "send me the recap" form's server action; works without JavaScript. */
export async function requestRecapAction(previous: RecapRequestFormState, formData: FormData): Promise<RecapRequestFormState> {
  const field = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  const values = { email: field("email"), name: field("name") };
  const submission = previous.submission + 1;
  try {
    await requestRecap({
      db,
      eventSlug: field("eventSlug"),
      input: values,
      client: clientInfo(await headers()),
      fallbackLocale: (await getLocale()) as Locale,
      form: { honeypot: field("dbf_hp_request") },
    });
    return { status: "accepted", submission };
  } catch (error) {
    if (!isAppError(error)) {
      console.error(error);
      return { status: "error", submission, messageKey: "unexpected", values };
    }
    return { status: "error", submission, messageKey: error.messageKey, fieldErrors: error.fieldErrors, values };
  }
}
