import { NextResponse } from "next/server";
import { AppError, isAppError, type AppErrorCode } from "@/lib/errors";
import { translatorFor } from "@/lib/i18n/messages";
import { resolveLocale } from "@/lib/i18n/locales";
import { lastKnownDefaultLocale } from "@/lib/settings/site-settings";

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

/** The one place an error becomes an HTTP response: status, localised JSON, Retry-After. */
export function errorResponse(error: unknown, request: Request): NextResponse {
  if (isAppError(error)) return jsonError(error, request, STATUS_BY_CODE[error.code]);
  console.error(error);
  return jsonError(new AppError("INVALID", "unexpected"), request, 500);
}

function jsonError(error: AppError, request: Request, status: number): NextResponse {
  const locale = resolveLocale(undefined, request.headers.get("accept-language"), lastKnownDefaultLocale());
  const t = translatorFor(locale, "errors");
  const fieldErrors = error.fieldErrors
    ? Object.fromEntries(Object.entries(error.fieldErrors).map(([field, keys]) => [field, keys.map((key) => ({ code: key, message: t(key) }))]))
    : undefined;
  const headers: Record<string, string> = {};
  if (error.retryAfterSeconds) headers["Retry-After"] = String(error.retryAfterSeconds);
  return NextResponse.json(
    {
      error: {
        code: status === 500 ? "INTERNAL" : error.code,
        message: t(error.messageKey),
        ...(fieldErrors && { fieldErrors }),
        ...(error.retryAfterSeconds && { retryAfterSeconds: error.retryAfterSeconds }),
      },
    },
    { status, headers },
  );
}
