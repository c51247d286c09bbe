"use server";

import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { runFormAction, type FormState } from "@/lib/http/form-action";
import { acceptInvitation } from "@/lib/users/accept-invitation";
import { getLocale } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";

export type AcceptInvitationFormState = FormState<{ name: string }>;

export async function acceptInvitationAction(previous: AcceptInvitationFormState, formData: FormData): Promise<AcceptInvitationFormState> {
  const values = { name: String(formData.get("name") ?? "") };
  const state = await runFormAction(previous, values, async () => {
    await acceptInvitation({
      db,
      token: formData.get("token"),
      input: { ...values, password: String(formData.get("password") ?? "") },
      locale: (await getLocale()) as Locale,
    });
    return {};
  });
  if (state.status === "done") redirect("/sign-in?welcome=1");
  return state;
}
