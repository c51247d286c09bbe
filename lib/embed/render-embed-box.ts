import type { ErrorKey, FieldErrors } from "@/lib/errors";
import { formatLongDate, formatPlainDate } from "@/lib/i18n/format-dates";
import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/messages";
import { escapeHtml } from "@/lib/notifications/templates/render-email";
import { accentPalette } from "@/lib/settings/accent-colors";
import type { SiteSettings } from "@/lib/settings/site-settings";
import type { EmbedEvent } from "./get-embed-event";

export type EmbedFormState =
  | { status: "idle" }
  | { status: "accepted" }
  | { status: "error"; messageKey: ErrorKey; fieldErrors?: FieldErrors; values: { email: string; name: string } };

/**
 * The recap box another site shows in a frame: a whole small page, plain HTML and CSS, that works without
 * JavaScript (the form posts back to this frame) and sets no cookie. Its only script, from this site, tells the
 * page around it how tall it is. Every sentence says what will happen, as on the event page.
 */
export function renderEmbedBox(options: {
  event: EmbedEvent;
  settings: Pick<SiteSettings, "organisationName" | "publicUrl" | "accentColor">;
  locale: Locale;
  isPast: boolean;
  state: EmbedFormState;
}): string {
  const { event, settings, locale, state } = options;
  const t = translatorFor(locale, "recaps");
  const tEmbed = translatorFor(locale, "embed");
  const tErrors = translatorFor(locale, "errors");
  const { accent, accentText } = accentPalette(settings.accentColor, "#ffffff");
  const eventUrl = `${settings.publicUrl}/events/${event.slug}`;
  const published = event.status === "PUBLISHED";
  const title = published ? t("titlePublished") : options.isPast ? t("title") : t("titleUpcoming");
  const intro: { text: string; lang?: string }[] = published
    ? [{ text: tEmbed("introPublished") }]
    : event.status === "NOT_PLANNED"
      ? [{ text: t("introNotPlanned") }, ...(event.note ? [{ text: event.note, lang: event.language }] : []), { text: t("introNotPlannedAsk") }]
      : event.status === "EXPECTED"
        ? [{ text: event.expectedOn ? t("introExpectedOn", { date: formatPlainDate(event.expectedOn, locale) }) : t("introExpected") }]
        : [{ text: t("intro") }];
  const count = published
    ? event.sent > 0
      ? t("sentCount", { count: event.sent })
      : ""
    : t("waiting", { count: event.waiting, since: event.waitingSince ? formatLongDate(event.waitingSince, event.timeZone, locale) : "" });
  const submit = published ? t("submitPublished") : event.status === "NOT_PLANNED" ? t("submitNotPlanned") : t("submit");
  const values = state.status === "error" ? state.values : { email: "", name: "" };
  const fieldError = (field: string) => {
    const key = state.status === "error" ? state.fieldErrors?.[field]?.[0] : undefined;
    return key ? `<p class="error" id="${field}-error">${escapeHtml(tErrors(key))}</p>` : "";
  };
  const invalid = (field: string) => (state.status === "error" && state.fieldErrors?.[field] ? ` aria-invalid="true" aria-describedby="${field}-error"` : "");
  const message =
    state.status === "accepted"
      ? `<p class="notice ok">${escapeHtml(published ? t("acceptedPublished") : t("accepted"))}</p>`
      : state.status === "error"
        ? `<p class="notice ko" role="alert">${escapeHtml(tErrors(state.messageKey))}</p>`
        : "";
  const action = `/embed/events/${encodeURIComponent(event.slug)}?lang=${locale}`;

  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(tEmbed("frameTitle", { event: event.title }))}</title>
<style>
:root{color-scheme:light;--accent:${accent};--accent-text:${accentText}}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d1f24;background:#fff}
main{border:1px solid #dedbd2;border-radius:10px;padding:16px 18px;overflow-wrap:anywhere}
.org{margin:0;font-size:.85rem;color:#5b6170}
h1{margin:.1rem 0 .6rem;font-size:1.1rem;line-height:1.3}
h1 a{color:inherit}
h2{margin:0 0 .4rem;font-size:1rem}
p{margin:0 0 .6rem}
.muted{color:#5b6170;font-size:.9rem}
a{color:var(--accent)}
.button{display:inline-block;background:var(--accent);color:var(--accent-text);border:0;border-radius:8px;padding:.55rem 1rem;font:inherit;font-weight:600;text-decoration:none;cursor:pointer}
label{display:block;font-weight:600;font-size:.9rem;margin:.4rem 0 .15rem}
input[type=email],input[type=text]{width:100%;font:inherit;padding:.45rem .55rem;border:1px solid #b9b5aa;border-radius:8px}
input[aria-invalid=true]{border-color:#b3261e}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
.consent{font-size:.8rem;color:#5b6170;margin:.6rem 0}
.error{color:#b3261e;font-weight:600;font-size:.9rem;margin:.2rem 0 0}
.notice{padding:.5rem .7rem;border-radius:8px}
.ok{background:#e6f4ea;color:#1e5631}
.ko{background:#fdecea;color:#8c1d18}
</style>
</head>
<body>
<main data-recap-status="${event.status}">
<p class="org">${escapeHtml(settings.organisationName)}</p>
<h1 lang="${escapeHtml(event.language)}"><a href="${escapeHtml(eventUrl)}" target="_blank" rel="noopener">${escapeHtml(event.title)}</a></h1>
${published ? `<p><a class="button" href="${escapeHtml(eventUrl)}#recap" target="_blank" rel="noopener">${escapeHtml(tEmbed("readRecap"))}</a></p>` : ""}
<h2>${escapeHtml(title)}</h2>
${intro.map((line) => `<p${line.lang ? ` lang="${escapeHtml(line.lang)}"` : ""}>${escapeHtml(line.text)}</p>`).join("\n")}
${count ? `<p class="muted">${escapeHtml(count)}</p>` : ""}
<div role="status" aria-live="polite">${message}</div>
${
  state.status === "accepted"
    ? ""
    : `<form method="post" action="${escapeHtml(action)}">
<div class="hp" aria-hidden="true"><label for="dbf-hp">${escapeHtml(t("honeypot"))}</label><input id="dbf-hp" name="dbf_hp_request" type="text" tabindex="-1" autocomplete="off"></div>
<label for="email">${escapeHtml(t("email"))}</label>
<input id="email" name="email" type="email" required maxlength="254" autocomplete="email" value="${escapeHtml(values.email)}"${invalid("email")}>
${fieldError("email")}
<label for="name">${escapeHtml(t("name"))}</label>
<input id="name" name="name" type="text" maxlength="100" autocomplete="name" value="${escapeHtml(values.name)}"${invalid("name")}>
${fieldError("name")}
<p class="consent">${escapeHtml(tEmbed("consent", { organisation: settings.organisationName }))} <a href="${escapeHtml(settings.publicUrl)}/privacy" target="_blank" rel="noopener">${escapeHtml(tEmbed("privacy"))}</a></p>
<button class="button" type="submit">${escapeHtml(submit)}</button>
</form>`
}
</main>
<script src="/embed-frame.js" defer></script>
</body>
</html>
`;
}
