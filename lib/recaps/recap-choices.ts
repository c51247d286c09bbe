/**
 * The fixed choices of the recap editor's forms, apart from their schemas (recap-input.ts, recap-outlook-input.ts):
 * the forms list them in the browser without shipping zod and the date library with them.
 */
export const RECAP_LINK_KINDS = ["SLIDES", "VIDEO", "PHOTOS", "DOCUMENT"] as const;
export type RecapLinkKind = (typeof RECAP_LINK_KINDS)[number];

export function isRecapLinkKind(value: string): value is RecapLinkKind {
  return (RECAP_LINK_KINDS as readonly string[]).includes(value);
}

export const RECAP_OUTLOOKS = ["UNANNOUNCED", "EXPECTED", "NOT_PLANNED"] as const;
