"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/current-actor";
import { db } from "@/lib/db/client";
import { outcomeQuery, runFormAction, type FormState } from "@/lib/http/form-action";
import { updateSiteImage } from "@/lib/settings/update-site-image";
import { updateSiteSettings } from "@/lib/settings/update-site-settings";

const FIELDS = [
  "organisationName",
  "description",
  "accentColor",
  "contactEmail",
  "defaultLocale",
  "timeZone",
  "publicUrl",
  "legalNotice",
  "embedOrigins",
] as const;
export type SiteSettingsFormState = FormState<Record<(typeof FIELDS)[number], string>, { changed: string[] }>;

export async function updateSiteSettingsAction(previous: SiteSettingsFormState, formData: FormData): Promise<SiteSettingsFormState> {
  const values = Object.fromEntries(FIELDS.map((field) => [field, String(formData.get(field) ?? "")])) as Record<(typeof FIELDS)[number], string>;
  const state = await runFormAction(previous, values, async () => updateSiteSettings({ db, actor: await currentActor(), input: values }));
  if (state.status === "done") revalidatePath("/", "layout");
  return state;
}

/** The logo and favicon: a file upload (or "remove"), answered with the page and its outcome. */
export async function updateSiteImageAction(formData: FormData) {
  const image = formData.get("image") === "favicon" ? "favicon" : "logo";
  const file = formData.get("file");
  const outcome = await outcomeQuery(async () => {
    await updateSiteImage({ db, actor: await currentActor(), image, file: file instanceof Blob ? file : null, remove: formData.get("intent") === "remove" });
    return { image };
  });
  revalidatePath("/", "layout");
  redirect(`/dashboard/settings?${outcome}`);
}
