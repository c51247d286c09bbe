/** Escapes text for HTML e-mail bodies. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!);
}

/**
 * A plain, readable HTML e-mail: paragraphs, an optional list of linked items, one call-to-action button,
 * a muted footer. No remote images.
 */
export function renderEmailHtml(options: {
  lang: string;
  paragraphs: string[];
  items?: { text: string; link: { label: string; url: string } }[];
  action?: { label: string; url: string };
  footer: string;
}): string {
  const paragraphs = options.paragraphs.map((text) => `<p style="margin:0 0 16px">${escapeHtml(text)}</p>`).join("");
  const items = options.items?.length
    ? `<ul style="margin:0 0 16px;padding-left:20px">${options.items
        .map((item) => `<li style="margin:0 0 8px">${escapeHtml(item.text)} <a href="${escapeHtml(item.link.url)}" style="color:#1f5fae">${escapeHtml(item.link.label)}</a></li>`)
        .join("")}</ul>`
    : "";
  const action = options.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(options.action.url)}" style="background:#1f5fae;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:600">${escapeHtml(options.action.label)}</a></p><p style="margin:0 0 16px;font-size:13px;color:#5b6170;word-break:break-all">${escapeHtml(options.action.url)}</p>`
    : "";
  return `<!doctype html><html lang="${escapeHtml(options.lang)}"><body style="margin:0;padding:24px;background:#fbfaf7;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1d1f24;line-height:1.5"><div style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #dedbd2;border-radius:10px;padding:24px">${paragraphs}${items}${action}<p style="margin:24px 0 0;font-size:13px;color:#5b6170">${escapeHtml(options.footer)}</p></div></body></html>`;
}
