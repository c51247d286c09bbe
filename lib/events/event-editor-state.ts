/** What the event editor shows after saving; texts are message keys under "errors". */
export type EventEditorState = {
  status: "idle" | "saved" | "error";
  submission: number;
  messageKey?: string;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string>;
};

export const initialEventEditorState: EventEditorState = { status: "idle", submission: 0 };

export const EVENT_FIELDS = ["slug", "title", "timeZone", "startsAt", "endsAt", "venueName", "venueAddress", "hostNames", "summary", "topic", "language", "status"] as const;
