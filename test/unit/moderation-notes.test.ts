import { describe, expect, it } from "vitest";
import { describeModerationReason, readModerationNotes, storeModerationNotes } from "@/lib/comments/moderation-notes";
import type { ModerationReason } from "@/lib/comments/moderation-policy";
import { translatorFor } from "@/lib/i18n/messages";

const reasons: ModerationReason[] = [
  { code: "rejectWord", word: "buy followers" },
  { code: "unknownAuthor" },
  { code: "links", count: 2 },
  { code: "holdWord", word: "casino" },
  { code: "trusted" },
];

describe("moderation notes", () => {
  it.each(reasons)("reads back the reason it stored: %j", (reason) => {
    const stored = storeModerationNotes({ reason, recapCues: [] });
    expect(readModerationNotes(stored)).toEqual({ moderationReason: reason, recapCues: [] });
  });

  it("reads back the recap cues it stored, and stores none for a comment that does not ask", () => {
    const stored = storeModerationNotes({ reason: { code: "trusted" }, recapCues: ["compte rendu", "?"] });
    expect(readModerationNotes(stored).recapCues).toEqual(["compte rendu", "?"]);
    expect(storeModerationNotes({ reason: { code: "trusted" }, recapCues: [] }).recapCues).toBeNull();
  });

  it("shows nothing for imported and older comments, or a value it did not write", () => {
    expect(readModerationNotes({ moderationReason: null, recapCues: null })).toEqual({ moderationReason: null, recapCues: [] });
    expect(readModerationNotes({ moderationReason: "held", recapCues: "{" })).toEqual({ moderationReason: null, recapCues: [] });
    expect(readModerationNotes({ moderationReason: '{"code":"later"}', recapCues: "[1]" }).moderationReason).toBeNull();
  });

  it("tells hosts why a comment was held, in English and French", () => {
    const en = translatorFor("en", "dashboard");
    const fr = translatorFor("fr", "dashboard");
    expect(describeModerationReason({ code: "links", count: 2 }, en)).toBe("Held when posted: 2 links");
    expect(describeModerationReason({ code: "links", count: 2 }, fr)).toBe("Retenu à l’envoi : 2 liens");
    expect(describeModerationReason({ code: "holdWord", word: "casino" }, en)).toBe("Held when posted: contains “casino”, from the hold-word list");
    expect(describeModerationReason({ code: "holdWord", word: "casino" }, fr)).toBe("Retenu à l’envoi : contient « casino », de la liste des mots à vérifier");
    expect(describeModerationReason({ code: "rejectWord", word: "buy followers" }, en)).toBe(
      "Rejected when posted: contains “buy followers”, from the reject-word list",
    );
    expect(describeModerationReason({ code: "trusted" }, fr)).toBe(
      "Publié dès l’envoi : un commentaire de cette adresse a déjà été approuvé depuis ce navigateur",
    );
    expect(describeModerationReason({ code: "unknownAuthor" }, en)).toBe(
      "Held when posted: no comment from this address has been approved in this browser yet",
    );
  });

  it.each(reasons)("has a sentence in both languages for %j", (reason) => {
    for (const locale of ["en", "fr"] as const) {
      const sentence = describeModerationReason(reason, translatorFor(locale, "dashboard"));
      expect(sentence).not.toMatch(/dashboard\.|\{/);
      expect(sentence.length).toBeGreaterThan(10);
    }
  });
});
