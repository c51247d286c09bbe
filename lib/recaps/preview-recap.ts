import { escapeHtml } from "@/lib/notifications/templates/render-email";
import { renderTopicMarkdown } from "@/lib/markdown/render-markdown";
import { translatorFor } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locales";
import { isRecapLinkKind } from "./recap-choices";

/** The recap as readers will see it on the event page — the text and its typed links — before anything is saved. */
export function previewRecapHtml(recap: { body: string; links: { kind: string; title: string; url: string }[] }, locale: Locale): string {
  const t = translatorFor(locale, "recaps");
  const links = recap.links
    .filter((link) => link.title.trim() && /^https?:\/\//i.test(link.url.trim()))
    .map((link) => {
      const kind = isRecapLinkKind(link.kind) ? `<span class="badge">${escapeHtml(t(`kind${link.kind}`))}</span> ` : "";
      return `<li>${kind}<a href="${escapeHtml(link.url.trim())}" rel="noopener">${escapeHtml(link.title.trim())}</a></li>`;
    })
    .join("");
  return `${renderTopicMarkdown(recap.body)}${links ? `<ul class="recap__links">${links}</ul>` : ""}`;
}
