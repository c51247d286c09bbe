import { AppError, isAppError, type AppErrorCode } from "@/lib/errors";
import { translatorFor } from "@/lib/i18n/messages";
import { resolveLocale } from "@/lib/i18n/locales";
import { lastKnownDefaultLocale } from "@/lib/settings/site-settings";

// Nothing here imports Next.js: server.ts loads this at start, before it prepares Next.js (importing next/server
// then fails), to answer the JSON API's comment itself (lib/http/comment-api.ts).

/** The HTTP status of each error code, for every answer that is not JSON too (the embed's page). */
export const STATUS_BY_CODE: Record<AppErrorCode, number> = {
  INVALID: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  SPAM_SUSPECTED: 422,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
};

/** A JSON API answer as either server entry sends it: route handlers as a `NextResponse` (./error-response.ts). */
export type JsonAnswer = { status: number; body: unknown; headers: Record<string, string> };

/** The answer to an error: a refusal with its status, or anything else logged and answered 500, in the reader's language. */
export function errorAnswer(error: unknown, acceptLanguage: string | null): JsonAnswer {
  if (isAppError(error)) return jsonError(error, acceptLanguage, STATUS_BY_CODE[error.code]);
  console.error(error);
  return jsonError(new AppError("INVALID", "unexpected"), acceptLanguage, 500);
}

function jsonError(error: AppError, acceptLanguage: string | null, status: number): JsonAnswer {
  const locale = resolveLocale(undefined, acceptLanguage, lastKnownDefaultLocale());
  const t = translatorFor(locale, "errors");
  const fieldErrors = error.fieldErrors
    ? Object.fromEntries(Object.entries(error.fieldErrors).map(([field, keys]) => [field, keys.map((key) => ({ code: key, message: t(key) }))]))
    : undefined;
  const headers: Record<string, string> = {};
  if (error.retryAfterSeconds) headers["Retry-After"] = String(error.retryAfterSeconds);
  return {
    status,
    body: {
      error: {
        code: status === 500 ? "INTERNAL" : error.code,
        message: t(error.messageKey),
        ...(fieldErrors && { fieldErrors }),
        ...(error.retryAfterSeconds && { retryAfterSeconds: error.retryAfterSeconds }),
      },
    },
    headers,
  };
}
