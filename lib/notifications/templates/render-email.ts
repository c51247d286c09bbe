import { accentPalette } from "@/lib/settings/accent-colors";

/** Escapes text for HTML e-mail bodies. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!);
}

/** Who the e-mail comes from, as readers know them: the organisation's name, its logo (served by this site), its colour. */
export type EmailBrand = { organisationName: string; logoUrl: string | null; accentColor: string };

export const DEFAULT_BRAND: EmailBrand = { organisationName: "Debrief", logoUrl: null, accentColor: "#1f5fae" };

/**
 * A plain, readable HTML e-mail at any width (one column, at most 560 px, long links wrap): the organisation's
 * logo or name, paragraphs, optional host-written HTML (already rendered safe from Markdown), an optional list
 * of linked items, one call-to-action button, a muted footer (its address, if it names one, a link the reader can
 * click). Images: only the organisation's logo, from its own site.
 */
export function renderEmailHtml(options: {
  lang: string;
  brand?: EmailBrand;
  paragraphs: string[];
  /** Safe HTML rendered from the host's Markdown (lib/markdown/render-email-markdown.ts). */
  richHtml?: string;
  items?: { text: string; link: { label: string; url: string } }[];
  action?: { label: string; url: string };
  footer: string;
  /** An address written in the footer (where to manage or stop these e-mails), made a link where it appears. */
  footerUrl?: string;
}): string {
  const brand = options.brand ?? DEFAULT_BRAND;
  // The organisation's colour made readable, as on its pages: a pale yellow becomes dark enough for links and
  // the button, and the button's text is white or black, whichever reads.
  const { accent, accentText } = accentPalette(brand.accentColor);
  const header = brand.logoUrl
    ? `<p style="margin:0 0 20px"><img src="${escapeHtml(brand.logoUrl)}" alt="${escapeHtml(brand.organisationName)}" height="40" style="height:40px;max-width:100%;border:0"></p>`
    : `<p style="margin:0 0 20px;font-weight:700;font-size:17px;color:${accent}">${escapeHtml(brand.organisationName)}</p>`;
  const paragraphs = options.paragraphs.map((text) => `<p style="margin:0 0 16px">${escapeHtml(text)}</p>`).join("");
  const rich = options.richHtml ? `<div style="margin:0 0 16px;padding:12px 16px;background:#fbfaf7;border-radius:8px">${options.richHtml}</div>` : "";
  const items = options.items?.length
    ? `<ul style="margin:0 0 16px;padding-left:20px">${options.items
        .map(
          (item) =>
            `<li style="margin:0 0 8px">${escapeHtml(item.text)} <a href="${escapeHtml(item.link.url)}" style="color:${accent};word-break:break-word">${escapeHtml(item.link.label)}</a></li>`,
        )
        .join("")}</ul>`
    : "";
  const action = options.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(options.action.url)}" style="display:inline-block;background:${accent};color:${accentText};padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:600">${escapeHtml(options.action.label)}</a></p><p style="margin:0 0 16px;font-size:13px;color:#5b6170;word-break:break-all">${escapeHtml(options.action.url)}</p>`
    : "";
  const link = (url: string) => `<a href="${escapeHtml(url)}" style="color:${accent};word-break:break-all">${escapeHtml(url)}</a>`;
  const footer = options.footerUrl ? options.footer.split(options.footerUrl).map(escapeHtml).join(link(options.footerUrl)) : escapeHtml(options.footer);
  return `<!doctype html><html lang="${escapeHtml(options.lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(brand.organisationName)}</title></head><body style="margin:0;padding:16px;background:#f3f1ec;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1d1f24;line-height:1.5"><div style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #dedbd2;border-radius:10px;padding:24px;overflow-wrap:anywhere">${header}${paragraphs}${rich}${items}${action}<p style="margin:24px 0 0;font-size:13px;color:#5b6170;overflow-wrap:anywhere">${footer}</p></div></body></html>`;
}
