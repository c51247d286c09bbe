import type en from "@/messages/en.json";

/** Error codes every layer understands; lib/http/error-response.ts maps them to HTTP. */
export type AppErrorCode =
  | "INVALID"
  | "NOT_FOUND"
  | "CONFLICT"
  | "RATE_LIMITED"
  | "SPAM_SUSPECTED"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "PAYLOAD_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE";

/**
 * Key of a message under "errors" in messages/*.json: every refusal, field error and form message names one, and
 * the compiler checks it exists (in both languages: lib/i18n/messages.ts).
 */
export type ErrorKey = keyof (typeof en)["errors"];

/** Field name → message keys (in messages/*.json under "errors"). */
export type FieldErrors = Record<string, ErrorKey[]>;

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Key of the human message under "errors" in messages/*.json. */
  readonly messageKey: ErrorKey;
  readonly fieldErrors?: FieldErrors;
  readonly retryAfterSeconds?: number;

  constructor(code: AppErrorCode, messageKey: ErrorKey, details: { fieldErrors?: FieldErrors; retryAfterSeconds?: number } = {}) {
    super(`${code}: ${messageKey}`);
    this.name = "AppError";
    this.code = code;
    this.messageKey = messageKey;
    this.fieldErrors = details.fieldErrors;
    this.retryAfterSeconds = details.retryAfterSeconds;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/**
 * The INVALID error for input a zod schema refused: one entry per field (nested paths joined
 * with dots, e.g. "links.0.url"), each with its message keys. A message that is not one of ours (zod's own
 * English, for a wrong type or an unexpected value the schema gave no key for) becomes "wrongType", so every
 * refusal reads in the visitor's language.
 */
export function invalidInput(issues: readonly { path: readonly PropertyKey[]; message: string }[]): AppError {
  const fieldErrors: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path.map(String).join(".") || "form";
    fieldErrors[field] ??= [];
    // Our schemas' messages are keys (`{ error: "emailRequired" }`); test/unit/message-keys.test.ts checks each one exists.
    fieldErrors[field].push(/^[a-z][A-Za-z]+$/.test(issue.message) ? (issue.message as ErrorKey) : "wrongType");
  }
  return new AppError("INVALID", "invalidFields", { fieldErrors });
}
