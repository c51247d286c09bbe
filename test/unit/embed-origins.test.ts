import { describe, expect, it } from "vitest";
import { frameAncestors, toOrigin } from "@/lib/embed/embed-origins";
import { siteSettingsInputSchema } from "@/lib/settings/site-settings-input";

const settings = { organisationName: "Asso", accentColor: "#1f5fae", defaultLocale: "fr", timeZone: "Europe/Paris" };

describe("sites allowed to embed the recap box", () => {
  it("keeps what an admin types as the site's origin", () => {
    expect(toOrigin("www.agir.example.org")).toBe("https://www.agir.example.org");
    expect(toOrigin("https://WWW.Agir.example.org/evenements/?x=1")).toBe("https://www.agir.example.org");
    expect(toOrigin("http://localhost:8080/")).toBe("http://localhost:8080");
    for (const bad of ["javascript:alert(1)", "ftp://example.org", "https://user:pw@example.org", "*", "https://", "'self'", "data:text/html,x"])
      expect(toOrigin(bad), bad).toBeNull();
  });

  it("the settings store the origins one a line, refuse what is not a site, and at most 20", () => {
    const parsed = siteSettingsInputSchema.parse({
      ...settings,
      embedOrigins: "www.agir.example.org\r\nhttps://blog.agir.example.org/news, www.agir.example.org",
    });
    expect(parsed.embedOrigins).toBe("https://www.agir.example.org\nhttps://blog.agir.example.org");
    const refused = siteSettingsInputSchema.safeParse({ ...settings, embedOrigins: "https://ok.example.org\n'none'; script-src *" });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((issue) => issue.message)).toContain("embedOriginInvalid");
    const many = Array.from({ length: 21 }, (_, n) => `https://site${n}.example.org`).join("\n");
    expect(siteSettingsInputSchema.safeParse({ ...settings, embedOrigins: many }).error?.issues.map((issue) => issue.message)).toContain("embedOriginsTooMany");
  });

  it("frame-ancestors names only the listed sites, or none; nothing stored can add a directive", () => {
    expect(frameAncestors([])).toBe("frame-ancestors 'none'");
    expect(frameAncestors(["https://www.agir.example.org", "http://localhost:8080"])).toBe(
      "frame-ancestors https://www.agir.example.org http://localhost:8080",
    );
    expect(frameAncestors(["https://a.example.org; script-src *", "https://b.example.org"])).toBe("frame-ancestors https://b.example.org");
  });
});
