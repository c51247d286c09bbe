import type { FormState } from "@/lib/http/form-action";

export const EVENT_FIELDS = [
  "slug",
  "title",
  "timeZone",
  "startsAt",
  "endsAt",
  "venueName",
  "venueAddress",
  "hostNames",
  "summary",
  "topic",
  "language",
  "status",
] as const;

/** What the event editor shows after saving or previewing; texts are message keys under "errors". */
export type EventEditorState = FormState<Record<string, string>, { saved: boolean; previewHtml?: string }>;
