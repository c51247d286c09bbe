"use server";

import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { db } from "@/lib/db/client";
import { clientInfo } from "@/lib/http/client-info";
import { runFormAction } from "@/lib/http/form-action";
import type { RecapRequestFormState } from "@/lib/recaps/recap-request-form-state";
import { requestRecap } from "@/lib/recaps/request-recap";

/** The "send me the recap" form's server action; works without JavaScript. */
export async function requestRecapAction(previous: RecapRequestFormState, formData: FormData): Promise<RecapRequestFormState> {
  const field = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  const values = { email: field("email"), name: field("name") };
  return runFormAction(previous, values, async () => {
    await requestRecap({
      db,
      eventSlug: field("eventSlug"),
      input: values,
      client: clientInfo(await headers()),
      fallbackLocale: await getLocale(),
      form: { honeypot: field("dbf_hp_request") },
    });
    return {};
  });
}
