// The page address a new event's title suggests (the host can still change it before saving).
import { describe, expect, it } from "vitest";
import { slugify } from "@/lib/events/slugify";

describe("the address suggested from an event's title", () => {
  it("keeps letters and digits, drops accents and punctuation, writes œ and æ out", () => {
    expect(slugify("Plaidoyer, mobilisation & collecte : 2026 !")).toBe("plaidoyer-mobilisation-collecte-2026");
    expect(slugify("Œuvres d'Ærø — été")).toBe("oeuvres-d-aero-ete");
    expect(slugify("  --Atelier--  ")).toBe("atelier");
    expect(slugify("Straße Łódź Đakovo")).toBe("strasse-lodz-dakovo");
  });

  it("stays within the length asked for, never ending on a dash", () => {
    expect(slugify("Atelier numérique et libertés", 12)).toBe("atelier-nume");
    expect(slugify("Atelier vie-privée", 8)).toBe("atelier");
    expect(slugify("abcd efgh", 5)).toBe("abcd");
  });

  it("makes a short or empty title into an address of at least three characters, distinct each time", () => {
    expect(slugify("AB")).toMatch(/^ab-[a-z0-9]+$/);
    expect(slugify("!!!")).toMatch(/^rencontre-[a-z0-9]+$/);
    expect(slugify("abc")).toBe("abc");
    expect(slugify("", 12)).toHaveLength(12);
  });
});
