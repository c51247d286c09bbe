import { describe, expect, it } from "vitest";
import { accentPalette, contrastRatio } from "@/lib/settings/accent-colors";

describe("the organisation's colour on the site", () => {
  it.each(["#1f5fae", "#ffeb3b", "#00ff00", "#ff8800", "#000000", "#ffffff", "#7fb0ff"])("%s stays readable: links 4.5:1 on the page, button text 4.5:1 on it", (color) => {
    const { accent, accentText } = accentPalette(color);
    expect(contrastRatio(accent, "#fbfaf7")).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(accent, accentText)).toBeGreaterThanOrEqual(4.5);
  });

  it("keeps a colour that is already readable as it is", () => {
    expect(accentPalette("#1f5fae").accent).toBe("#1f5fae");
  });
});
