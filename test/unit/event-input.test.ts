// What the event editor accepts: the page address a host types, and an end that must come after the start.
import { describe, expect, it } from "vitest";
import { eventInputSchema } from "@/lib/events/event-input";

const form = {
  slug: "",
  title: "Atelier vie privée",
  timeZone: "Europe/Paris",
  startsAt: "2026-05-12T18:00",
  endsAt: "2026-05-12T20:00",
  venueName: "Maison des associations",
  summary: "Un atelier.",
  language: "fr",
  status: "DRAFT",
};
const errorsFor = (changes: Record<string, string>) => {
  const parsed = eventInputSchema.safeParse({ ...form, ...changes });
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join("."), issue.message]));
};

describe("the event editor's page address", () => {
  it("accepts three to eighty lower-case letters, digits and single dashes, typed in any case", () => {
    for (const slug of ["abc", "a".repeat(80), "atelier-2026", "a-b-c"]) expect(errorsFor({ slug })).toEqual({});
    expect(eventInputSchema.parse({ ...form, slug: "  Atelier-VIE-Privee " }).slug).toBe("atelier-vie-privee");
  });

  it("refuses one too short or too long, or with anything around the letters", () => {
    for (const slug of ["ab", "a".repeat(81), "-atelier", "atelier-", "atelier--vie", "atelier vie", "atelier/vie", "été", "x/../admin"]) {
      expect(errorsFor({ slug })).toEqual({ slug: "slugInvalid" });
    }
  });

  it("is made from the title when left empty", () => {
    expect(eventInputSchema.parse(form).slug).toBe("atelier-vie-privee");
  });
});

describe("the event's times", () => {
  it("refuses an event that ends when it starts, or before", () => {
    expect(errorsFor({ endsAt: "2026-05-12T18:00" })).toEqual({ endsAt: "endBeforeStart" });
    expect(errorsFor({ endsAt: "2026-05-12T17:59" })).toEqual({ endsAt: "endBeforeStart" });
    expect(errorsFor({ endsAt: "2026-05-12T18:01" })).toEqual({});
  });
});
