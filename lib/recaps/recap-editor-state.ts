/** What the recap editor shows after saving or publishing; texts are message keys. */
export type RecapEditorState = {
  status: "idle" | "saved" | "published" | "error";
  submission: number;
  notified?: number;
  /** Comments the host's "the recap is online" reply was posted under. */
  replied?: number;
  messageKey?: string;
  fieldErrors?: Record<string, string[]>;
  values?: { body: string; links: { kind: string; title: string; url: string }[] };
};

export const initialRecapEditorState: RecapEditorState = { status: "idle", submission: 0 };

/** Link rows the editor offers. */
export const RECAP_LINK_ROWS = 5;
