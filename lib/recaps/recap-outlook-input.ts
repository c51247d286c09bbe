import { z } from "zod";
import { isPlainDate } from "@/lib/i18n/zoned-time";
import { lineText } from "@/lib/security/clean-text";
import { RECAP_OUTLOOKS } from "./recap-choices";

export { RECAP_OUTLOOKS };

const optionalText = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema.optional());

/** What hosts say publicly about the recap before it is published (the recap editor's status form). */
export const recapOutlookInputSchema = z.object({
  outlook: z.enum(RECAP_OUTLOOKS, { error: "outlookInvalid" }),
  /** EXPECTED only: the day, "YYYY-MM-DD" in the event's time zone. */
  expectedOn: optionalText(z.string({ error: "dateInvalid" }).refine(isPlainDate, { error: "dateInvalid" })),
  /** NOT_PLANNED only: a sentence for readers. */
  note: optionalText(lineText(z.string({ error: "outlookNoteTooLong" }).trim().max(300, { error: "outlookNoteTooLong" }))),
});

export type RecapOutlookInput = z.infer<typeof recapOutlookInputSchema>;
