"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { deleteEvent } from "@/lib/events/delete-event";
import { EVENT_FIELDS, type EventEditorState } from "@/lib/events/event-editor-state";
import { saveEvent } from "@/lib/events/save-event";
import { outcomeQuery, runFormAction } from "@/lib/http/form-action";
import { renderTopicMarkdown } from "@/lib/markdown/render-markdown";

/**
 * Creates or updates an event — or, with "Preview", shows the topic as readers will see it without saving
 * (the way to preview without JavaScript). The host's input is given back on error.
 */
export async function saveEventAction(previous: EventEditorState, formData: FormData): Promise<EventEditorState> {
  const values = Object.fromEntries(EVENT_FIELDS.map((field) => [field, String(formData.get(field) ?? "")]));
  const existingSlug = String(formData.get("existingSlug") ?? "") || undefined;
  if (formData.get("intent") === "preview") {
    return runFormAction(previous, values, async () => {
      if (!can(await currentActor(), "event:edit")) throw new AppError("UNAUTHORIZED", "signInRequired");
      return { saved: false, previewHtml: renderTopicMarkdown(values.topic) };
    });
  }
  const cover = formData.get("cover");
  let slug = "";
  const state = await runFormAction(previous, values, async () => {
    slug = (
      await saveEvent({
        db,
        actor: await currentActor(),
        existingSlug,
        input: values,
        cover: cover instanceof Blob ? cover : null,
        removeCover: formData.get("removeCover") === "on",
      })
    ).slug;
    return { saved: true };
  });
  if (state.status !== "done") return state;
  revalidatePath("/", "layout");
  if (slug !== existingSlug) redirect(`/dashboard/events/${slug}/edit?saved=1`);
  return { ...state, values: { ...values, slug } };
}

/** Deleting an event, once the host ticked "I understand": back to the overview, or the refusal. */
export async function deleteEventAction(formData: FormData) {
  const slug = String(formData.get("slug") ?? "");
  const outcome = await outcomeQuery(async () => ({
    deleted: (await deleteEvent({ db, actor: await currentActor(), slug, confirmed: formData.get("confirm") === "on" })).title,
  }));
  revalidatePath("/", "layout");
  // An event that is already gone (deleted in another tab, or by another host) has no editor to go back to.
  const stayOnEditor = outcome.startsWith("error=") && !/^error=(eventNotFound|notFound)$/.test(outcome);
  redirect(stayOnEditor ? `/dashboard/events/${encodeURIComponent(slug)}/edit?${outcome}` : `/dashboard?${outcome}`);
}
