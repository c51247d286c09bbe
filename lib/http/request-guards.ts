import type { IncomingMessage } from "node:http";
import { env } from "@/lib/env";
import { resolveLocale } from "@/lib/i18n/locales";
import { lastKnownDefaultLocale } from "@/lib/settings/site-settings";
import { translatorFor } from "@/lib/i18n/messages";

/** Next.js's own limit for a server action's body (next.config.ts serverActions.bodySizeLimit: 6 MB, for image uploads). */
export const SERVER_ACTION_MAX_BYTES = 6 * 1024 * 1024;
/** The limit for forms outside the dashboard (a comment, a recap request, sign-in, setup): no file, a few kilobytes. */
export const PUBLIC_FORM_MAX_BYTES = 256 * 1024;

export type Refusal = { status: 400 | 403 | 413; messageKey: "linkNotValid" | "crossSiteRefused" | "bodyTooLarge" };

/**
 * What the production server refuses before Next.js sees a request, with the 4xx it deserves (Next.js answers
 * these with a 500): a path that is not valid percent-encoding; a server action (form post) from another site,
 * or larger than it may be — images are uploaded only in the dashboard, so elsewhere a form post is small.
 */
export function refuseBeforeNext(request: Pick<IncomingMessage, "method" | "url" | "headers">): Refusal | null {
  const path = (request.url ?? "/").split("?")[0];
  try {
    decodeURIComponent(path);
  } catch {
    return { status: 400, messageKey: "linkNotValid" };
  }
  const contentType = String(request.headers["content-type"] ?? "");
  const formPost =
    request.headers["next-action"] !== undefined ||
    (!path.startsWith("/api/") && /^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(contentType));
  if (request.method === "POST" && formPost) {
    if (request.headers["sec-fetch-site"] === "cross-site") return { status: 403, messageKey: "crossSiteRefused" };
    const origin = request.headers.origin;
    if (origin) {
      let originHost: string | null = null;
      try {
        originHost = new URL(origin).host;
      } catch {
        originHost = null;
      }
      if (originHost !== request.headers.host && originHost !== new URL(env.SITE_URL).host) return { status: 403, messageKey: "crossSiteRefused" };
    }
    const limit = path === "/dashboard" || path.startsWith("/dashboard/") ? SERVER_ACTION_MAX_BYTES : PUBLIC_FORM_MAX_BYTES;
    if (Number(request.headers["content-length"] ?? 0) > limit) return { status: 413, messageKey: "bodyTooLarge" };
  }
  return null;
}

/** A small page saying why, in the visitor's language. */
export function refusalPage(refusal: Refusal, acceptLanguage: string | undefined): string {
  const locale = resolveLocale(undefined, acceptLanguage, lastKnownDefaultLocale());
  const message = translatorFor(locale, "errors")(refusal.messageKey);
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${refusal.status}</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem"><h1>${refusal.status}</h1><p>${message}</p><p><a href="/">←</a></p></body></html>`;
}
