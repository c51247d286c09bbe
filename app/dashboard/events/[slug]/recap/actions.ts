"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/current-actor";
import { db } from "@/lib/db/client";
import { outcomeQuery, runFormAction, type FormState } from "@/lib/http/form-action";
import { getLocale } from "next-intl/server";
import { invalidInput } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { getRecapForEditing } from "@/lib/recaps/get-recap-for-editing";
import { previewRecapHtml } from "@/lib/recaps/preview-recap";
import { publishRecap } from "@/lib/recaps/publish-recap";
import { recapInputSchema } from "@/lib/recaps/recap-input";
import { RECAP_LINK_ROWS, type RecapEditorState } from "@/lib/recaps/recap-editor-state";
import { requeueRecapEmails } from "@/lib/recaps/requeue-recap-emails";
import { saveRecap } from "@/lib/recaps/save-recap";
import { setRecapOutlook } from "@/lib/recaps/set-recap-outlook";
import { unpublishRecap } from "@/lib/recaps/unpublish-recap";

function refresh(eventSlug: string) {
  revalidatePath(`/dashboard/events/${eventSlug}/recap`);
  revalidatePath(`/events/${eventSlug}`);
}

/**
 * The recap editor's one form. "Preview" shows the recap as readers will see it, links included, without
 * saving. "Publish and notify" first asks to confirm how many people will be mailed, then publishes. Changes to a
 * recap already online are previewed before they go live. "Save" keeps a draft. The host's text is given back on error.
 */
export async function saveRecapAction(previous: RecapEditorState, formData: FormData): Promise<RecapEditorState> {
  const text = (name: string) => String(formData.get(name) ?? "");
  const eventSlug = text("eventSlug");
  const links = Array.from({ length: RECAP_LINK_ROWS }, (_, index) => ({
    kind: text(`links.${index}.kind`),
    title: text(`links.${index}.title`),
    url: text(`links.${index}.url`),
  })).filter((link) => link.title.trim() || link.url.trim());
  const replyToAskers = formData.get("replyToAskers") === "on";
  const values = { body: text("body"), links, replyToAskers };
  const intent = text("intent");
  const confirmed = text("confirmed") === "1";
  const locale = (await getLocale()) as Locale;
  type Outcome = Pick<Extract<RecapEditorState, { status: "done" }>, "outcome" | "notified" | "replied" | "previewHtml">;
  const state = await runFormAction(previous, values, async (): Promise<Outcome> => {
    const actor = await currentActor();
    // Everything is checked as it would be on saving, so a preview never shows what saving would refuse.
    const input = recapInputSchema.safeParse(values);
    if (!input.success) throw invalidInput(input.error.issues);
    const editing = await getRecapForEditing({ db, actor, eventSlug });
    const previewHtml = previewRecapHtml(values, locale);
    const done = (outcome: Outcome["outcome"], extra: { notified?: number; replied?: number; previewHtml?: string } = {}): Outcome => ({
      outcome,
      notified: extra.notified ?? 0,
      replied: extra.replied ?? 0,
      previewHtml: extra.previewHtml,
    });
    if (intent === "preview") return done("preview", { previewHtml });
    const published = editing.recap?.status === "PUBLISHED";
    if (intent === "publish") {
      if (!confirmed) return done("confirm-publish", { notified: editing.counts.waiting, previewHtml });
      await saveRecap({ db, actor, eventSlug, input: values });
      const result = await publishRecap({ db, actor, eventSlug, replyToAskers });
      return done("published", { notified: result.notified, replied: result.replied });
    }
    if (published && !confirmed) return done("confirm-changes", { previewHtml });
    await saveRecap({ db, actor, eventSlug, input: values });
    return done("saved");
  });
  if (state.status === "done" && (state.outcome === "saved" || state.outcome === "published")) refresh(eventSlug);
  return state;
}

export type RecapOutlookFormState = FormState<{ outlook: string; expectedOn: string; note: string }>;

/** The recap's public status before publication. */
export async function setRecapOutlookAction(previous: RecapOutlookFormState, formData: FormData): Promise<RecapOutlookFormState> {
  const eventSlug = String(formData.get("eventSlug") ?? "");
  const values = {
    outlook: String(formData.get("outlook") ?? ""),
    expectedOn: String(formData.get("expectedOn") ?? ""),
    note: String(formData.get("note") ?? ""),
  };
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
