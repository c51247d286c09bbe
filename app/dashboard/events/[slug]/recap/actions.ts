"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/current-actor";
import { db } from "@/lib/db/client";
import { outcomeQuery, runFormAction, type FormState } from "@/lib/http/form-action";
import { publishRecap } from "@/lib/recaps/publish-recap";
import { RECAP_LINK_ROWS, type RecapEditorState } from "@/lib/recaps/recap-editor-state";
import { requeueRecapEmails } from "@/lib/recaps/requeue-recap-emails";
import { saveRecap } from "@/lib/recaps/save-recap";
import { setRecapOutlook } from "@/lib/recaps/set-recap-outlook";
import { unpublishRecap } from "@/lib/recaps/unpublish-recap";

function refresh(eventSlug: string) {
  revalidatePath(`/dashboard/events/${eventSlug}/recap`);
  revalidatePath(`/events/${eventSlug}`);
}

/** Saves the recap, and publishes it when the host pressed "Publish"; the host's text is given back on error. */
export async function saveRecapAction(previous: RecapEditorState, formData: FormData): Promise<RecapEditorState> {
  const text = (name: string) => String(formData.get(name) ?? "");
  const eventSlug = text("eventSlug");
  const links = Array.from({ length: RECAP_LINK_ROWS }, (_, index) => ({
    kind: text(`links.${index}.kind`),
    title: text(`links.${index}.title`),
    url: text(`links.${index}.url`),
  })).filter((link) => link.title.trim() || link.url.trim());
  const values = { body: text("body"), links };
  const state = await runFormAction(previous, values, async () => {
    const actor = await currentActor();
    await saveRecap({ db, actor, eventSlug, input: values });
    if (text("intent") !== "publish") return { published: false, notified: 0, replied: 0 };
    const { notified, replied } = await publishRecap({ db, actor, eventSlug, replyToAskers: formData.get("replyToAskers") === "on" });
    return { published: true, notified, replied };
  });
  if (state.status === "done") refresh(eventSlug);
  return state;
}

export type RecapOutlookFormState = FormState<{ outlook: string; expectedOn: string; note: string }>;

/** The recap's public status before publication. */
export async function setRecapOutlookAction(previous: RecapOutlookFormState, formData: FormData): Promise<RecapOutlookFormState> {
  const eventSlug = String(formData.get("eventSlug") ?? "");
  const values = { outlook: String(formData.get("outlook") ?? ""), expectedOn: String(formData.get("expectedOn") ?? ""), note: String(formData.get("note") ?? "") };
  const state = await runFormAction(previous, values, async () => {
    await setRecapOutlook({ db, actor: await currentActor(), eventSlug, input: values });
    return {};
  });
  if (state.status === "done") refresh(eventSlug);
  return state;
}

/** The delivery report's buttons and "take the recap off the page": each answers with the page and its outcome. */
export async function recapDeliveryAction(formData: FormData) {
  const eventSlug = String(formData.get("eventSlug") ?? "");
  const intent = String(formData.get("intent") ?? "");
  const outcome = await outcomeQuery(async (): Promise<Record<string, number>> => {
    const actor = await currentActor();
    if (intent === "unpublish") return { unpublished: (await unpublishRecap({ db, actor, eventSlug })).cancelled };
    const status = intent === "resend-ambiguous" ? "AMBIGUOUS" : "FAILED";
    return { requeued: (await requeueRecapEmails({ db, actor, eventSlug, status })).requeued };
  });
  refresh(eventSlug);
  // Back to the page, which sends a signed-out visitor to the sign-in form.
  redirect(`/dashboard/events/${encodeURIComponent(eventSlug)}/recap?${outcome}`);
}
