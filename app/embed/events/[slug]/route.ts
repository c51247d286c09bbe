import { db } from "@/lib/db/client";
import { frameAncestors } from "@/lib/embed/embed-origins";
import { getEmbedEvent } from "@/lib/embed/get-embed-event";
import { renderEmbedBox, type EmbedFormState } from "@/lib/embed/render-embed-box";
import { isAppError } from "@/lib/errors";
import { clientInfo } from "@/lib/http/client-info";
import { STATUS_BY_CODE } from "@/lib/http/json-answer";
import { escapeHtml } from "@/lib/notifications/templates/render-email";
import { isLocale, preferredLocale, type Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/messages";
import { requestRecap } from "@/lib/recaps/request-recap";
import { getSiteSettings, type SiteSettings } from "@/lib/settings/site-settings";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

/** The box's language: the one the embedding site asked for (?lang=), else the reader's, else the site's. */
function localeOf(request: Request, settings: SiteSettings): Locale {
  const asked = new URL(request.url).searchParams.get("lang");
  return isLocale(asked) ? asked : (preferredLocale(undefined, request.headers.get("accept-language")) ?? settings.defaultLocale);
}

/**
 * Only the sites the admin listed may frame the box; the page may load nothing but this site's own script and
 * post its form only here. No cookie is ever set.
 */
function headersFor(settings: SiteSettings, extra: Record<string, string> = {}): HeadersInit {
  return {
    "content-type": "text/html; charset=utf-8",
    "content-security-policy": [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'unsafe-inline'",
      "img-src 'self' data:",
      "form-action 'self'",
      "base-uri 'none'",
      frameAncestors(settings.embedOrigins),
    ].join("; "),
    "cache-control": "no-store",
    ...extra,
  };
}

async function respond(request: Request, context: Context, state: EmbedFormState, status = 200, extra: Record<string, string> = {}) {
  const [settings, slug] = await Promise.all([getSiteSettings(db), context.params.then((params) => params.slug)]);
  const locale = localeOf(request, settings);
  const event = await getEmbedEvent({ db, slug });
  if (!event) {
    const message = translatorFor(locale, "embed")("notFound");
    return new Response(
      `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>404</title></head><body><p>${escapeHtml(message)}</p></body></html>`,
      { status: 404, headers: headersFor(settings) },
    );
  }
  const html = renderEmbedBox({ event, settings, locale, isPast: event.endsAt.getTime() < Date.now(), state });
  return new Response(html, { status, headers: headersFor(settings, extra) });
}

export async function GET(request: Request, context: Context) {
  return respond(request, context, { status: "idle" });
}

/** The box's form, posted from inside the frame, with or without JavaScript: the same request as on the event page. */
export async function POST(request: Request, context: Context) {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return respond(request, context, { status: "error", messageKey: "invalidFields", values: { email: "", name: "" } }, 400);
  }
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const values = { email: field("email"), name: field("name") };
  const settings = await getSiteSettings(db);
  try {
    await requestRecap({
      db,
      eventSlug: (await context.params).slug,
      input: values,
      client: clientInfo(request.headers),
      fallbackLocale: localeOf(request, settings),
      form: { honeypot: field("dbf_hp_request") },
    });
    return respond(request, context, { status: "accepted" });
  } catch (error) {
    if (!isAppError(error)) throw error;
    const extra: Record<string, string> = error.retryAfterSeconds ? { "retry-after": String(error.retryAfterSeconds) } : {};
    return respond(
      request,
      context,
      { status: "error", messageKey: error.messageKey, fieldErrors: error.fieldErrors, values },
      STATUS_BY_CODE[error.code],
      extra,
    );
  }
}
