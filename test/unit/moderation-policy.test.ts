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
    expect(decideModeration(base)).toEqual({ status: "APPROVED", reason: "trusted" });
  });

  it("holds a first comment from an unknown e-mail", () => {
    expect(decideModeration({ ...base, authorIsKnown: false })).toEqual({ status: "PENDING", reason: "unknown-author" });
  });

  it("holds a comment with two or more links, even from a known author", () => {
    const body = "Voir https://a.example et [ceci](https://b.example)";
    expect(decideModeration({ ...base, body }).status).toBe("PENDING");
    expect(decideModeration({ ...base, body: "Voir https://a.example" }).status).toBe("APPROVED");
  });

  it("holds comments containing a hold word, in any case, in the name or the website too", () => {
    expect(decideModeration({ ...base, body: "Le CASINO du coin" }).reason).toBe("hold-word");
    expect(decideModeration({ ...base, authorName: "casino-king" }).reason).toBe("hold-word");
  });

  it("rejects comments with a reject word, whoever wrote them", () => {
    expect(decideModeration({ ...base, body: "Buy Followers cheap" })).toEqual({ status: "REJECTED", reason: "reject-word" });
    expect(decideModeration({ ...base, authorIsKnown: false, body: "buy followers" }).status).toBe("REJECTED");
  });

  it("counts Markdown links, autolinks and bare URLs", () => {
    expect(countLinks("[a](https://a.example) <https://b.example> http://c.example www.d.example")).toBe(4);
    expect(countLinks("pas de lien ici")).toBe(0);
  });
});
