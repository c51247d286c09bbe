import type { FormState } from "@/lib/http/form-action";

/**
 * What the recap editor shows after a submission; texts are message keys. `outcome` says what happened: saved,
 * published, or a step waiting for the host — a preview to look at, or "publish and notify N people?" to confirm.
 */
export type RecapEditorState = FormState<
  { body: string; links: { kind: string; title: string; url: string }[]; replyToAskers: boolean },
  {
    outcome: "saved" | "published" | "preview" | "confirm-publish" | "confirm-changes";
    /** People the publication mails (to confirm, then notified). */
    notified: number;
    /** Comments the host's "the recap is online" reply was posted under. */
    replied: number;
    /** The recap as readers will see it, its links included (preview steps). */
    previewHtml?: string;
  }
>;

/** Link rows the editor offers. */
export const RECAP_LINK_ROWS = 5;
