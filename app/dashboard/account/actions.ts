"use server";

import { currentActor } from "@/lib/auth/current-actor";
import { db } from "@/lib/db/client";
import { runFormAction, type FormState } from "@/lib/http/form-action";
import { updateOwnPreferences } from "@/lib/users/update-own-preferences";

export type PreferencesFormState = FormState<{ locale: string; digest: boolean }>;

export async function updatePreferencesAction(previous: PreferencesFormState, formData: FormData): Promise<PreferencesFormState> {
  const values = { locale: String(formData.get("locale") ?? ""), digest: formData.get("digest") === "on" };
  return runFormAction(previous, values, async () => updateOwnPreferences({ db, actor: await currentActor(), input: values }));
}
