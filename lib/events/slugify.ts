/** "Plaidoyer, mobilisation & collecte : 2026 !" → "plaidoyer-mobilisation-collecte-2026": the page address a title suggests. */
export function slugify(title: string, maxLength = 80): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    // Letters Unicode does not decompose into a base letter and an accent.
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/ø/g, "o")
    .replace(/ß/g, "ss")
    .replace(/ł/g, "l")
    .replace(/đ/g, "d")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxLength)
    .replace(/-+$/, "");
  return slug.length >= 3 ? slug : `${slug || "rencontre"}-${Date.now().toString(36)}`.slice(0, maxLength);
}
