/** What the recap-request form shows after a submission; message texts are keys under "errors". */
export type RecapRequestFormState = {
  status: "idle" | "error" | "accepted";
  submission: number;
  messageKey?: string;
  fieldErrors?: Record<string, string[]>;
  values?: { email: string; name: string };
};

export const initialRecapRequestFormState: RecapRequestFormState = { status: "idle", submission: 0 };
