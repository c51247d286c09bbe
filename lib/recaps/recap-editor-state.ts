import type { FormState } from "@/lib/http/form-action";

/** What the recap editor shows after saving or publishing; texts are message keys. */
export type RecapEditorState = FormState<
  { body: string; links: { kind: string; title: string; url: string }[] },
  {
    published: boolean;
    /** People the publication will mail. */
    notified: number;
    /** Comments the host's "the recap is online" reply was posted under. */
    replied: number;
  }
>;

/** Link rows the editor offers. */
export const RECAP_LINK_ROWS = 5;
