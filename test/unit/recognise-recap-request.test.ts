import { describe, expect, it } from "vitest";
import { recogniseRecapRequest } from "@/lib/recaps/recognise-recap-request";

const MARTIN = "bonjour,\nY a t’il eu un compte rendu de ce premier webreackfast stp ? Je n’ai malheureusement pas pu m’y rendre…\nCordialement,\nMartin";

const frenchRequests = [
  MARTIN,
  "Y a-t-il un compte-rendu de la soirée ?",
  "CR ?",
  "Compte-rendu de la soirée ? 🙏",
  "Est-ce que les slides seront partagées ?",
  "Je n'ai pas pu venir, y aura-t-il un replay ?",
  "Bonjour, est-il possible d'avoir le compte rendu de la réunion ?",
  "Pourriez-vous partager les supports de présentation ?",
  "Les supports seront-ils disponibles en ligne ?",
  "Je n'ai pas pu assister à la conférence, un récap serait le bienvenu !",
  "Serait-il possible de nous envoyer la présentation ?",
  "La vidéo sera-t-elle mise en ligne ?",
  "Y a-t-il eu un enregistrement de la table ronde ?",
  "Absente ce soir-là, je serais preneuse du compte rendu.",
  "Est-ce que quelqu'un a pris des notes ?",
  "Malheureusement je n’ai pas pu être présente, le replay est-il disponible ?",
  "Le récapitulatif de l'atelier est-il en ligne quelque part ?",
  "Pas pu me libérer ce jour-là… Les diapos sont dispo ?",
  "Bonjour, pourriez-vous m'envoyer les slides svp ? Merci d'avance",
  "J'ai raté la session de mardi, vous avez un compte rendu ?",
  "Un petit résumé pour ceux qui n'ont pas pu venir ?",
  "Hello, est-ce qu'il y aura un replay pour ceux qui bossent ?",
  "J'étais empêchée, où peut-on trouver le compte rendu ?",
  "Les minutes de l'AG sont-elles disponibles ?",
  "Aurais-tu les slides de ton intervention stp ?",
  "Merci pour cette belle soirée ! Je n'ai pas pu rester jusqu'au bout, y a-t-il un enregistrement ?",
  "Je suis intéressée par le CR de la réunion, je n'ai pas pu y participer.",
  "Merci d'avance pour le compte rendu !",
  "Je ne pourrai pas venir jeudi, la conférence sera-t-elle filmée ?",
  "Coucou, y aura-t-il une vidéo de l'intervention de Sophie ?",
  "Pas pu être là hier soir 😢 quelqu'un aurait un compte rendu ?",
  "Est-il possible de récupérer l'enregistrement de la conférence ?",
  "Le compte–rendu？",
  "Absent, le compte rendu serait utile",
];

const englishRequests = [
  "Is there a recording of the talk?",
  "I couldn't attend — will the slides be shared?",
  "Any minutes from yesterday's meeting?",
  "Will there be a replay for those of us in another time zone?",
  "Could you share the slides from the keynote?",
  "Sorry I missed it, any notes from the session?",
  "I couldnt make it last night, is the video available somewhere?",
  "Could not make it to the workshop. Would love a recap!",
  "Will the presentation be posted online?",
  "Was the talk recorded?",
  "Can someone send me the deck?",
  "Is there a transcript available?",
  "I wasn’t able to attend, is there a write-up?",
  "Where can I find the slides from Tuesday's meetup?",
  "Hi! Are the slides online yet?",
  "Had to miss the event because of work — are you going to post the recording?",
  "Would it be possible to get the meeting minutes?",
  "Any chance the recording will be uploaded?",
  "I missed the first half, is there a video?",
  "Can't make it tonight, will it be recorded?",
  "Does anyone have notes from the panel discussion?",
  "Please share the slides, I was not able to attend.",
  "Is a summary of the talk going to be published?",
  "Will the session be filmed?",
  "Sorry, couldn't come to the meetup - any write-up planned?",
  "I wasn't there, the recording would help",
  "I couldn't attend, the slides would help.",
];

const frenchNonRequests = [
  "Merci pour le compte rendu, très complet !",
  "Merci pour votre soutien !",
  "Je soutiens totalement cette initiative.",
  "Nous avons 10 minutes de retard, désolés !",
  "Où se trouve la salle ?",
  "Super vidéo, merci !",
  "À quelle heure commence la présentation ?",
  "Merci à tous pour cette belle soirée, à bientôt !",
  "Le replay est disponible ici : https://example.org/replay",
  "Pour ceux qui n'ont pas pu venir, le compte rendu sera publié demain.",
  "Je n'ai pas pu venir mais merci pour le compte rendu, il est très clair.",
  "Le parking est-il gratuit ?",
  "Est-ce que l'entrée est libre ?",
  "Bravo pour l'organisation, c'était parfait.",
  "Le CRM de l'association est-il à jour ?",
  "Les crêpes étaient délicieuses, surtout au sucre !",
  "Mon inscription est-elle bien enregistrée ?",
  "Il reste quelques minutes avant le début ?",
  "Merci pour les slides, elles sont super claires !",
  "Le support technique est-il joignable ce week-end ?",
  "Le compte rendu est très complet, bravo à l'équipe.",
  "Faut-il apporter son ordinateur pour l'atelier ?",
  "La présentation sera-t-elle en ligne ou en présentiel ?",
  // Sharing the link is not asking for it.,
  "Je n'ai pas pu venir : les slides http://example.org/slides.pdf",
  // Absence of others, said by the organisers.,
  "Pour ceux qui n'ont pas pu venir : les slides",
  // Minutes of time, not of a meeting.,
  "Il reste 10 minutes ?",
  // Naming the artefact is not asking for it.,
  "Les slides",
  // Thanking for it, or praising it: it is already out.,
  "Je n'ai pas pu venir. Merci pour la soirée et les slides",
  "Je n'ai pas pu venir, super vidéo !",
];

const englishNonRequests = [
  "I support this cause!",
  "We support local associations and their volunteers.",
  "What time does it start?",
  "We're running 5 minutes late, sorry!",
  "Thanks for the recording, really helpful!",
  "Great video, thanks!",
  "The slides are available here: https://example.com/slides.pdf",
  "For those who couldn't make it, the recording is now online.",
  "Is there parking near the venue?",
  "Thanks for sharing the slides!",
  "Do we need to bring our laptops?",
  "Great talk, see you next month!",
  "Is the video call link the same as last time?",
  "Will the presentation be in English or French?",
  "How many minutes is the walk from the station?",
  "Is my registration recorded?",
  "I missed the bus but made it in time, great evening!",
  "Where is the room for the presentation?",
  "Thanks so much for the replay, I couldn't attend live.",
  "Is recording allowed during the talk?",
  "Will the presentation be online or in person?",
  "Those who couldn't attend: the slides.",
  "For those who missed it: recording coming soon",
  "I couldn't attend: slides at http://example.org/slides.pdf",
  "I missed it. Great recording",
];

describe("recogniseRecapRequest", () => {
  describe("French requests", () => {
    it.each(frenchRequests)("%j", (text) => {
      const result = recogniseRecapRequest(text);
      expect(result.asksForRecap).toBe(true);
      expect(result.matched.length).toBeGreaterThan(0);
    });
  });

  describe("English requests", () => {
    it.each(englishRequests)("%j", (text) => {
      const result = recogniseRecapRequest(text);
      expect(result.asksForRecap).toBe(true);
      expect(result.matched.length).toBeGreaterThan(0);
    });
  });

  describe("French comments that are not requests", () => {
    it.each(frenchNonRequests)("%j", (text) => {
      expect(recogniseRecapRequest(text)).toEqual({ asksForRecap: false, matched: [] });
    });
  });

  describe("English comments that are not requests", () => {
    it.each(englishNonRequests)("%j", (text) => {
      expect(recogniseRecapRequest(text)).toEqual({ asksForRecap: false, matched: [] });
    });
  });

  it("lists the cues behind Martin's comment for the moderation dashboard", () => {
    expect(recogniseRecapRequest(MARTIN).matched).toEqual(["compte rendu", "y a-t-il", "stp", "?", "pas pu m'y rendre"]);
  });

  it("shows a word matched by its stem as written", () => {
    expect(recogniseRecapRequest("Est-ce que les slides seront partagées ?").matched).toEqual(["slides", "est-ce que", "partagees", "?"]);
  });

  it("returns nothing for an empty comment", () => {
    expect(recogniseRecapRequest("   ")).toEqual({ asksForRecap: false, matched: [] });
  });
});
