/** Relative luminance of "#rrggbb" (WCAG 2). */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((start) => {
    const channel = parseInt(hex.slice(start, start + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

function darken(hex: string, factor: number): string {
  return `#${[1, 3, 5]
    .map((start) =>
      Math.round(parseInt(hex.slice(start, start + 2), 16) * factor)
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")}`;
}

/**
 * The organisation's colour as the site uses it: darkened as little as needed for links to stay readable on the
 * page background (WCAG AA, 4.5:1), with white or near-black text on buttons, whichever reads better.
 */
export function accentPalette(color: string, background = "#fbfaf7"): { accent: string; accentText: string } {
  let accent = /^#[0-9a-f]{6}$/i.test(color) ? color.toLowerCase() : "#1f5fae";
  for (let step = 0; step < 40 && contrastRatio(accent, background) < 4.5; step++) accent = darken(accent, 0.92);
  const accentText = contrastRatio(accent, "#ffffff") >= contrastRatio(accent, "#111111") ? "#ffffff" : "#111111";
  return { accent, accentText };
}
