import { type ErrorKey, type FieldErrors, isAppError } from "@/lib/errors";

/** What every form's server action hands back to the form: an outcome, and on error what to show and what the person typed. */
export type FormState<Values, Result = object> =
  | ({ status: "idle"; submission: number } & Partial<Result>)
  | ({ status: "done"; submission: number; values?: Values } & Result)
  | { status: "error"; submission: number; messageKey: ErrorKey; fieldErrors?: FieldErrors; retryAfterSeconds?: number; values: Values };

export function initialFormState<Values, Result = object>(): FormState<Values, Result> {
  return { status: "idle", submission: 0 } as FormState<Values, Result>;
}

/**
 * Runs a use case for a form's server action and turns its outcome into the form's state: the result on
 * success; on an AppError (a refusal, invalid fields) its message and field errors, with the values typed
 * given back so nothing is lost; on anything else a logged "unexpected" message. Every form action goes
 * through here.
 */
export async function runFormAction<Values, Result extends object>(
  previous: { submission: number },
  values: Values,
  work: () => Promise<Result>,
): Promise<FormState<Values, Result>> {
  const submission = previous.submission + 1;
  try {
    return { status: "done", submission, values, ...(await work()) };
  } catch (error) {
    if (!isAppError(error)) {
      console.error(error);
      return { status: "error", submission, messageKey: "unexpected", values };
    }
    return { status: "error", submission, messageKey: error.messageKey, fieldErrors: error.fieldErrors, retryAfterSeconds: error.retryAfterSeconds, values };
  }
}

/** For forms that answer with a redirect: the outcome as a query string, refusals included ("error=<message key>"). */
export async function outcomeQuery(work: () => Promise<Record<string, string | number>>): Promise<string> {
  try {
    return new URLSearchParams(Object.entries(await work()).map(([key, value]) => [key, String(value)])).toString();
  } catch (error) {
    if (!isAppError(error)) throw error;
    return `error=${encodeURIComponent(error.messageKey)}`;
  }
}
