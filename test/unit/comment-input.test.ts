import { describe, expect, it } from "vitest";
import { commentFieldErrors, commentInputSchema } from "@/lib/comments/comment-input";

const valid = { authorName: "Martin", authorEmail: "Martin@Example.org", body: "Y a-t-il eu un compte rendu ?" };

function errorsOf(input: unknown) {
  const result = commentInputSchema.safeParse(input);
  return result.success ? {} : commentFieldErrors(result.error);
}

describe("comment input", () => {
  it("accepts a normal comment, trimming and lower-casing the e-mail", () => {
    const result = commentInputSchema.parse({ ...valid, authorName: "  Martin ", authorUrl: "" });
    expect(result).toEqual({ authorName: "Martin", authorEmail: "martin@example.org", body: valid.body });
    // A website field left with only spaces (or a tab from a paste) is no website, not an invalid one.
    expect(commentInputSchema.parse({ ...valid, authorUrl: " \t ", parentId: "  " })).toEqual({
      authorName: "Martin",
      authorEmail: "martin@example.org",
      body: valid.body,
    });
  });

  it("reports every missing required field with its own message", () => {
    expect(errorsOf({})).toEqual({
      authorName: ["nameRequired"],
      authorEmail: ["emailRequired"],
      body: ["bodyRequired"],
    });
    expect(errorsOf({ authorName: " ", authorEmail: "", body: "   " })).toEqual({
      authorName: ["nameRequired"],
      authorEmail: ["emailRequired"],
      body: ["bodyRequired"],
    });
  });

  it("rejects an invalid e-mail address", () => {
    expect(errorsOf({ ...valid, authorEmail: "martin@" })).toEqual({ authorEmail: ["emailInvalid"] });
  });

  it.each([
    ["authorName", "n".repeat(101), "nameTooLong"],
    ["authorEmail", `${"e".repeat(250)}@x.fr`, "emailTooLong"],
    ["authorUrl", `https://example.org/${"u".repeat(190)}`, "urlTooLong"],
    ["body", "b".repeat(5001), "bodyTooLong"],
  ])("caps %s", (field, value, message) => {
    expect(errorsOf({ ...valid, [field]: value })).toEqual({ [field]: [message] });
  });

  it("accepts values exactly at the caps", () => {
    const atCaps = { authorName: "n".repeat(100), authorEmail: `${"e".repeat(64)}@${"d".repeat(185)}.fr`, body: "b".repeat(5000) };
    expect(errorsOf(atCaps)).toEqual({});
  });

  it.each(["javascript:alert(1)", "ftp://example.org", "example.org", "data:text/html,x"])("refuses website %s", (url) => {
    expect(errorsOf({ ...valid, authorUrl: url })).toEqual({ authorUrl: ["urlInvalid"] });
  });

  it("accepts http and https websites", () => {
    expect(errorsOf({ ...valid, authorUrl: "http://www.agirpourlenvironnement.org" })).toEqual({});
    expect(errorsOf({ ...valid, authorUrl: "https://example.org/a?b=c" })).toEqual({});
  });
});
