"use server";

import { currentActor, currentSessionId } from "@/lib/auth/current-actor";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { runFormAction, type FormState } from "@/lib/http/form-action";
import { redirect } from "next/navigation";
import { signOutEverywhere } from "@/lib/users/sign-out-everywhere";
import { updateOwnPreferences } from "@/lib/users/update-own-preferences";
import { updateOwnProfile } from "@/lib/users/update-own-profile";

export type PreferencesFormState = FormState<{ locale: string; digest: boolean }>;

export async function updatePreferencesAction(previous: PreferencesFormState, formData: FormData): Promise<PreferencesFormState> {
  const values = { locale: String(formData.get("locale") ?? ""), digest: formData.get("digest") === "on" };
  return runFormAction(previous, values, async () => updateOwnPreferences({ db, actor: await currentActor(), input: values }));
}

/** Ends every session of this host; the browser is then signed out too. */
export async function signOutEverywhereAction() {
  await signOutEverywhere({ db, actor: await currentActor() }).catch((error: unknown) => {
    if (!isAppError(error)) throw error;
  });
  redirect("/sign-in");
}

export type ProfileFormState = FormState<{ name: string; email: string }, { changed: string[] }>;

export async function updateProfileAction(previous: ProfileFormState, formData: FormData): Promise<ProfileFormState> {
  const field = (name: string) => String(formData.get(name) ?? "");
  const values = { name: field("name"), email: field("email") };
  return runFormAction(previous, values, async () =>
    updateOwnProfile({
      db,
      actor: await currentActor(),
      currentSessionId: await currentSessionId(),
      input: { ...values, currentPassword: field("currentPassword"), newPassword: field("newPassword") },
    }),
  );
}
