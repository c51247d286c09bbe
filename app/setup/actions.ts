"use server";

import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { runFormAction, type FormState } from "@/lib/http/form-action";
import { completeSetup } from "@/lib/setup/complete-setup";
import { getLocale } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";

export type SetupFormState = FormState<{ organisationName: string; name: string; email: string }>;

export async function completeSetupAction(previous: SetupFormState, formData: FormData): Promise<SetupFormState> {
  const field = (name: string) => String(formData.get(name) ?? "");
  const values = { organisationName: field("organisationName"), name: field("name"), email: field("email") };
  const state = await runFormAction(previous, values, async () => {
    await completeSetup({ db, token: field("token"), input: { ...values, password: field("password") }, locale: (await getLocale()) as Locale });
    return {};
  });
  if (state.status === "done") redirect("/sign-in?setup=done");
  return state;
}
