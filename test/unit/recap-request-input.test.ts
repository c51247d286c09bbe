import { describe, expect, it } from "vitest";
import { recapRequestInputSchema } from "@/lib/recaps/recap-request-input";

describe("what a visitor types into the recap request form", () => {
  it("takes a name left blank (or only spaces) as no name, and the address as typed without spaces or capitals", () => {
    expect(recapRequestInputSchema.parse({ email: "  Martin@Example.ORG ", name: "   " })).toEqual({ email: "martin@example.org" });
    expect(recapRequestInputSchema.parse({ email: "martin@example.org", name: "  Martin  " })).toEqual({ email: "martin@example.org", name: "Martin" });
  });
});
