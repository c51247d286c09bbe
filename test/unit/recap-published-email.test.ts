// The recap e-mail as a requester reads it (lib/notifications/templates/recap-published.ts), in each language: who
// writes, the greeting by name when there is one, the recap's first part (with "read on" when there is more), its
// links by kind, the button to the page, and why they get it with where to manage it — the same in the text part.
import { describe, expect, it } from "vitest";
import { recapPublishedEmail, recapPublishedEmails } from "@/lib/notifications/templates/recap-published";

const brand = { organisationName: "Les Amis du Quartier", logoUrl: null, accentColor: "#1f5fae" };
const content = {
  brand,
  eventTitle: "Petit-déjeuner Web",
  recapUrl: "https://asso.example.org/events/petit-dejeuner#recap",
  recapMarkdown: "## Ce qui s'est dit\n\n- Trois idées\n- Une [liste](https://asso.example.org/liste)",
  links: [
    { kind: "SLIDES" as const, title: "Les diapositives", url: "https://asso.example.org/slides.pdf" },
    { kind: "VIDEO" as const, title: "La vidéo", url: "https://video.example.org/42" },
  ],
};
const manageUrl = "https://asso.example.org/recap-requests/manage?token=abc.def";
const paragraphs = (text: string) => text.split("\n\n");

describe("the recap e-mail", () => {
  it("in French: the organisation, a greeting by name, the recap, its links by kind, the button, why and where to manage", () => {
    const { subject, text, html } = recapPublishedEmail({ ...content, locale: "fr", manageUrl, name: "Martin" });
    expect(subject).toBe("Le compte rendu est en ligne : Petit-déjeuner Web");
    expect(paragraphs(text)).toEqual([
      "Les Amis du Quartier",
      "Bonjour Martin,",
      "Vous aviez demandé le compte rendu de « Petit-déjeuner Web ». Le voici :",
      "CE QUI S'EST DIT",
      "- Trois idées\n- Une liste (https://asso.example.org/liste)",
      "- Diapositives — Les diapositives\n  https://asso.example.org/slides.pdf",
      "- Vidéo — La vidéo\n  https://video.example.org/42",
      "Lire le compte rendu : https://asso.example.org/events/petit-dejeuner#recap",
      `Les Amis du Quartier vous écrit parce que vous avez demandé ce compte rendu. Gérer ou supprimer votre demande : ${manageUrl}`,
    ]);
    expect(text).not.toContain("Lire la suite");

    expect(html).toContain('<html lang="fr">');
    expect(html).toContain(">Bonjour Martin,</p>");
    expect(html).toMatch(/<h2[^>]*>Ce qui s'est dit<\/h2>/);
    expect(html).toMatch(/<li[^>]*>Trois idées<\/li>/);
    expect(html).toMatch(/<a href="https:\/\/asso\.example\.org\/liste"[^>]*>liste<\/a>/);
    expect(html).toMatch(/<li[^>]*>Diapositives — <a href="https:\/\/asso\.example\.org\/slides\.pdf"[^>]*>Les diapositives<\/a><\/li>/);
    expect(html).toMatch(/<li[^>]*>Vidéo — <a href="https:\/\/video\.example\.org\/42"[^>]*>La vidéo<\/a><\/li>/);
    expect(html).toMatch(/<a href="https:\/\/asso\.example\.org\/events\/petit-dejeuner#recap"[^>]*>Lire le compte rendu<\/a>/);
    expect(html).toContain(`<a href="${manageUrl}"`);
    expect(html).not.toContain("Lire la suite");
  });

  it("in English, to someone without a name: the plain greeting, and 'read on' when the recap is longer than the e-mail shows", () => {
    const long = `${content.recapMarkdown}\n\n${Array.from({ length: 30 }, (_, index) => `Paragraph ${index} of the recap, which goes on for a while.`).join("\n\n")}`;
    const { subject, text, html } = recapPublishedEmail({ ...content, recapMarkdown: long, locale: "en", manageUrl, name: null });
    expect(subject).toBe("The recap is online: Petit-déjeuner Web");
    expect(paragraphs(text).slice(0, 3)).toEqual(["Les Amis du Quartier", "Hello,", "You asked for the recap of “Petit-déjeuner Web”. Here it is:"]);
    expect(text).toContain("Paragraph 0 of the recap");
    expect(text).not.toContain("Paragraph 29 of the recap");
    expect(text).toMatch(/Paragraph \d+ of the recap, which goes on for a while\.\n\nRead on on the website\n\n- Slides — Les diapositives/);
    expect(text).toContain("Read the recap: https://asso.example.org/events/petit-dejeuner#recap");
    expect(text).toContain(`Les Amis du Quartier writes to you because you asked for this recap. Manage or delete your request: ${manageUrl}`);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain(">Hello,</p>");
    expect(html).toMatch(/<p[^>]*>Read on on the website<\/p><\/div>/);
    expect(html).toContain(">Slides — <a");
    expect(html).toMatch(/>Read the recap<\/a>/);
  });

  it("prepared once for many people: each gets their own greeting and manage link, and the rest is the same", () => {
    const forEach = recapPublishedEmails({ ...content, locale: "fr" });
    const alma = forEach({ manageUrl: "https://asso.example.org/recap-requests/manage?token=alma", name: "Alma" });
    const anonymous = forEach({ manageUrl: "https://asso.example.org/recap-requests/manage?token=anon" });
    expect(alma.text).toContain("Bonjour Alma,");
    expect(anonymous.text).toContain("\n\nBonjour,\n\n");
    expect(alma.text).toContain("token=alma");
    expect(alma.text).not.toContain("token=anon");
    expect(anonymous.html).toContain('href="https://asso.example.org/recap-requests/manage?token=anon"');
    const shared = (text: string) => paragraphs(text).slice(2, -1);
    expect(shared(alma.text)).toEqual(shared(anonymous.text));
    expect(alma.subject).toBe(anonymous.subject);
  });

  it("signs as Debrief when no organisation is given", () => {
    const { text, html } = recapPublishedEmail({ ...content, brand: undefined, locale: "fr", manageUrl });
    expect(paragraphs(text)[0]).toBe("Debrief");
    expect(text).toContain("Debrief vous écrit parce que");
    expect(html).toContain("<title>Debrief</title>");
  });
});
