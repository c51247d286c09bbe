import { describe, expect, it } from "vitest";
import { countLinks, decideModeration } from "@/lib/comments/moderation-policy";

const base = {
  body: "Merci pour cette rencontre !",
  authorName: "Camille",
  authorIsKnown: true,
  holdWords: ["casino"],
  rejectWords: ["buy followers"],
};

describe("moderation policy", () => {
  it("publishes a known author's plain comment at once", () => {
    expect(decideModeration(base)).toEqual({ status: "APPROVED", reason: { code: "trusted" } });
  });

  it("holds a comment from an author not yet trusted, whatever else it holds", () => {
    expect(decideModeration({ ...base, authorIsKnown: false })).toEqual({ status: "PENDING", reason: { code: "unknownAuthor" } });
    const withLinks = { ...base, authorIsKnown: false, body: "https://a.example https://b.example casino" };
    expect(decideModeration(withLinks).reason).toEqual({ code: "unknownAuthor" });
  });

  it("holds a comment with two or more links, even from a known author", () => {
    const body = "Voir https://a.example et [ceci](https://b.example)";
    expect(decideModeration({ ...base, body })).toEqual({ status: "PENDING", reason: { code: "links", count: 2 } });
    expect(decideModeration({ ...base, body: `${body} www.c.example casino` }).reason).toEqual({ code: "links", count: 3 });
    expect(decideModeration({ ...base, body: "Voir https://a.example" })).toEqual({ status: "APPROVED", reason: { code: "trusted" } });
  });

  it("holds comments containing a hold word, in any case, in the name or the website too", () => {
    expect(decideModeration({ ...base, body: "Le CASINO du coin" })).toEqual({ status: "PENDING", reason: { code: "holdWord", word: "casino" } });
    expect(decideModeration({ ...base, authorName: "casino-king" }).reason).toEqual({ code: "holdWord", word: "casino" });
    expect(decideModeration({ ...base, authorUrl: "https://casino.example" }).reason).toEqual({ code: "holdWord", word: "casino" });
    // A word is looked for in each field, never across two: a name ending "casi" and a text starting "no" hold nothing.
    expect(decideModeration({ ...base, authorName: "Casi", body: "no comment, merci" })).toEqual({ status: "APPROVED", reason: { code: "trusted" } });
  });

  it("rejects comments with a reject word, whoever wrote them", () => {
    expect(decideModeration({ ...base, body: "Buy Followers cheap" })).toEqual({ status: "REJECTED", reason: { code: "rejectWord", word: "buy followers" } });
    expect(decideModeration({ ...base, authorIsKnown: false, body: "buy followers casino" })).toEqual({
      status: "REJECTED",
      reason: { code: "rejectWord", word: "buy followers" },
    });
  });

  it("counts Markdown links, autolinks and bare URLs", () => {
    expect(countLinks("[a](https://a.example) <https://b.example> http://c.example www.d.example")).toBe(4);
    expect(countLinks("pas de lien ici")).toBe(0);
    // One address is one link, even when another address is written inside it.
    expect(countLinks("https://a.example/?next=https://b.example/www.c")).toBe(1);
  });
});
