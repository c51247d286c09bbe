"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/current-actor";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { publishRecap } from "@/lib/recaps/publish-recap";
import { retryFailedNotifications } from "@/lib/recaps/retry-failed-notifications";
import { RECAP_LINK_ROWS, type RecapEditorState } from "@/lib/recaps/recap-editor-state";
import { saveRecap } from "@/lib/recaps/save-recap";

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
  const submission = previous.submission + 1;
  try {
    const actor = await currentActor();
    await saveRecap({ db, actor, eventSlug, input: values });
    let result: RecapEditorState = { status: "saved", submission, values };
    if (text("intent") === "publish") {
      const { notified, replied } = await publishRecap({ db, actor, eventSlug, replyToAskers: formData.get("replyToAskers") === "on" });
      result = { status: "published", submission, notified, replied, values };
    }
    revalidatePath(`/dashboard/events/${eventSlug}/recap`);
    revalidatePath(`/events/${eventSlug}`);
    return result;
  } catch (error) {
    if (!isAppError(error)) {
      console.error(error);
      return { status: "error", submission, messageKey: "unexpected", values };
    }
    return { status: "error", submission, messageKey: error.messageKey, fieldErrors: error.fieldErrors, values };
  }
}

/** Puts the recap's failed e-mails back in the queue. A refused call (signed out, unknown event) changes nothing. */
export async function retryFailedAction(formData: FormData) {
  const eventSlug = String(formData.get("eventSlug") ?? "");
  try {
    await retryFailedNotifications({ db, actor: await currentActor(), eventSlug });
  } catch (error) {
    if (!isAppError(error)) throw error;
    // Back to the page, which sends a signed-out visitor to the sign-in form.
    redirect(`/dashboard/events/${encodeURIComponent(eventSlug)}/recap?error=${error.messageKey}`);
  }
  revalidatePath(`/dashboard/events/${eventSlug}/recap`);
}
