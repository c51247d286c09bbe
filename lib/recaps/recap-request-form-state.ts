import { type FormState, initialFormState } from "@/lib/http/form-action";

/** What the recap-request form shows after a submission ("done": the request was accepted); message texts are keys under "errors". */
export type RecapRequestFormState = FormState<{ email: string; name: string }>;

export const initialRecapRequestFormState: RecapRequestFormState = initialFormState();
