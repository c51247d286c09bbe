import { describe, expect, it } from "vitest";
import { resolveLocale } from "@/lib/i18n/locales";
import { messagesByLocale } from "@/lib/i18n/messages";
import { formatEventWhen } from "@/lib/i18n/format-dates";

describe("visitor's language", () => {
  it("prefers the language the visitor chose", () => {
    expect(resolveLocale("en", "fr-FR,fr;q=0.9", "fr")).toBe("en");
  });

  it.each([
    ["en-GB,en;q=0.9", "en"],
    ["de-DE,de;q=0.9,en;q=0.8", "en"],
    ["de-DE,fr;q=0.5,en;q=0.8", "en"],
    ["en;q=0.2,fr-CA;q=0.9", "fr"],
    ["fr-BE", "fr"],
  ])("follows Accept-Language %s", (header, expected) => {
    expect(resolveLocale(undefined, header, "fr")).toBe(expected);
  });

  it("falls back to the site's default when unsure", () => {
    expect(resolveLocale(undefined, "de-DE,es;q=0.8", "fr")).toBe("fr");
    expect(resolveLocale(undefined, null, "en")).toBe("en");
    expect(resolveLocale("klingon", "", "fr")).toBe("fr");
  });
});

describe("translations", () => {
  function keys(value: unknown, prefix = ""): string[] {
    if (typeof value !== "object" || value === null) return [prefix];
    return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
  }

  it("French and English have exactly the same messages", () => {
    expect(keys(messagesByLocale.en).sort()).toEqual(keys(messagesByLocale.fr).sort());
  });
});

describe("event dates", () => {
  const start = new Date("2010-09-28T06:00:00Z");
  const end = new Date("2010-09-28T08:00:00Z");

  it("shows the event's own time zone, in French", () => {
    const text = formatEventWhen(start, end, "Europe/Paris", "fr");
    expect(text).toMatch(/mardi 28 septembre 2010/);
    expect(text).toMatch(/08:00/);
    expect(text).toMatch(/10:00/);
    expect(text).toContain("UTC+2");
  });

  it("and in English", () => {
    const text = formatEventWhen(start, end, "Europe/Paris", "en");
    expect(text).toMatch(/Tuesday, September 28, 2010/);
    expect(text).toMatch(/8:00/);
    expect(text).toContain("GMT+2");
  });
});
