"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/current-actor";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { EVENT_FIELDS, type EventEditorState } from "@/lib/events/event-editor-state";
import { saveEvent } from "@/lib/events/save-event";

/** Creates or updates an event; the host's input is given back on error. */
export async function saveEventAction(previous: EventEditorState, formData: FormData): Promise<EventEditorState> {
  const values = Object.fromEntries(EVENT_FIELDS.map((field) => [field, String(formData.get(field) ?? "")]));
  const existingSlug = String(formData.get("existingSlug") ?? "") || undefined;
  const submission = previous.submission + 1;
  let saved: { slug: string };
  try {
    saved = await saveEvent({ db, actor: await currentActor(), existingSlug, input: values });
  } catch (error) {
    if (!isAppError(error)) {
      console.error(error);
      return { status: "error", submission, messageKey: "unexpected", values };
    }
    return { status: "error", submission, messageKey: error.messageKey, fieldErrors: error.fieldErrors, values };
  }
  revalidatePath("/", "layout");
  if (saved.slug !== existingSlug) redirect(`/dashboard/events/${saved.slug}/edit?saved=1`);
  return { status: "saved", submission, values };
}
