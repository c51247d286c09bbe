/**
 * Recognises comments that ask for an event's recap ("compte rendu"), in French and English, so the
 * moderation dashboard can point organisers at the people waiting for one.
 *
 * A comment asks for a recap when, in one sentence, it names a recap artefact (compte rendu, CR, slides,
 * replay, recording, minutes…) and asks for it plainly enough for that word, or when it names one anywhere
 * and its author says they missed the event ("je n'ai pas pu venir", "I couldn't attend").
 *
 * How plainly a sentence must ask depends on the word: "CR ?" is a request, "the presentation?" is
 * probably about the talk itself, so "présentation" needs a sharing word ("partager la présentation").
 *
 * Pure and dependency-free: text in, verdict out.
 */

export type RecapRequest = {
  asksForRecap: boolean;
  /** The cue words behind the verdict, shown to hosts beside the flag; empty when not a request. */
  matched: string[];
};

/* -------------------------------------------------------------------------------------------------
 * How plainly a sentence asks. Each artefact names the weakest level that is enough for it.
 * ---------------------------------------------------------------------------------------------- */

/** A question mark or "est-ce que": enough for words that only mean a recap ("CR ?", "Le replay ?"). */
const QUESTION = 1;
/** An explicit ask ("is there", "could you", "y a-t-il"): needed for everyday words like "vidéo". */
const ASKING = 2;
/** A sharing word ("share", "disponible"): needed for words with a common other sense ("présentation"). */
const SHARING = 3;
type Plainness = typeof QUESTION | typeof ASKING | typeof SHARING;

/* -------------------------------------------------------------------------------------------------
 * Normalising and splitting. Every word list below goes through the same normalisation, so lists are
 * written the way people write ("pas pu m'y rendre", "couldn't attend", "compte-rendu").
 * ---------------------------------------------------------------------------------------------- */

/** Stands in for links, which announce something already published. */
const LINK = "xlinkx";

function normalise(text: string): string {
  return (
    text
      .normalize("NFD")
      .replace(/\p{M}/gu, "") // strip accents: "récap" -> "recap", "prévue" -> "prevue"
      .toLowerCase()
      .replace(/(?:https?:\/\/|www\.)\S+/g, ` ${LINK} `)
      .replace(/[’‘‛`´ʼ′]/g, "'") // one apostrophe: "t’il", "t'il", "t`il"
      .replace(/[‐‑‒–—―−]/g, "-") // one hyphen: "compte–rendu", "I couldn't attend — will…"
      .replace(/？/g, "?")
      // English contractions become one word ("couldn't" -> "couldnt"), so they match whether or not
      // the writer typed the apostrophe. "n't" never occurs in French.
      .replace(/n't\b/g, "nt")
      .replace(/[^\S\n]+/g, " ") // collapse whitespace, but keep line breaks: they end sentences
  );
}

/**
 * Words, with commas and colons kept as their own tokens so that phrases and "just before" checks do
 * not reach across them. Apostrophes and hyphens split words: "compte-rendu" is "compte rendu",
 * "y a-t-il" and "y a t'il" are both "y a t il".
 */
function toWords(text: string): string[] {
  return text.match(/[a-z0-9]+|[,;:]/g) ?? [];
}

type Sentence = { words: string[]; isQuestion: boolean };

function splitIntoSentences(normalised: string): Sentence[] {
  const chunks = normalised.match(/[^.!?…\n]+[.!?…\n]*/g) ?? [];
  return chunks.map((chunk) => ({ words: toWords(chunk), isQuestion: chunk.includes("?") }));
}

/* -------------------------------------------------------------------------------------------------
 * Phrases and how to find them.
 * ---------------------------------------------------------------------------------------------- */

/** One way of writing a cue. A trailing "*" matches any ending: "partag*" is partager, partagées… */
type Spelling<T> = { words: string[]; anyEnding: boolean; of: T };
type Found<T> = { of: T; start: number; end: number; text: string };

function spell<T>(phrase: string, of: T): Spelling<T> {
  const anyEnding = phrase.endsWith("*");
  return { words: toWords(normalise(anyEnding ? phrase.slice(0, -1) : phrase)), anyEnding, of };
}

/** Longest spellings first, so "supports de présentation" wins over "présentation". */
function longestFirst<T>(spellings: Spelling<T>[]): Spelling<T>[] {
  return spellings.sort((a, b) => b.words.length - a.words.length);
}

function spelledAt<T>(words: string[], start: number, spelling: Spelling<T>): boolean {
  const last = spelling.words.length - 1;
  if (start + last >= words.length) return false;
  return spelling.words.every((word, i) => (i === last && spelling.anyEnding ? words[start + i].startsWith(word) : words[start + i] === word));
}

/** Every non-overlapping occurrence, left to right. */
function findAll<T>(words: string[], spellings: Spelling<T>[]): Found<T>[] {
  const found: Found<T>[] = [];
  for (let start = 0; start < words.length; ) {
    const spelling = spellings.find((candidate) => spelledAt(words, start, candidate));
    if (!spelling) {
      start += 1;
      continue;
    }
    const end = start + spelling.words.length;
    found.push({ of: spelling.of, start, end, text: words.slice(start, end).join(" ") });
    start = end;
  }
  return found;
}

/** Plain word lists with no attached meaning: only "is one of these here" matters. */
function wordList(phrases: string[]): Spelling<null>[] {
  return longestFirst(phrases.map((phrase) => spell(phrase, null)));
}

/* -------------------------------------------------------------------------------------------------
 * Recap artefacts: the things people ask for.
 * ---------------------------------------------------------------------------------------------- */

type Context = { before: string[]; after: string[]; sentence: string[] };

type Artefact = {
  label: string;
  needs: Plainness;
  spellings: string[];
  /** True when the surrounding words give the word another meaning ("10 minutes", "video call"). */
  otherSense?: (context: Context) => boolean;
};

/** "minutes" counting time ("10 minutes de retard", "in a few minutes"), not a meeting's minutes. */
const QUANTITIES = [
  "un",
  "une",
  "deux",
  "trois",
  "quatre",
  "cinq",
  "six",
  "dix",
  "quinze",
  "vingt",
  "trente",
  "quarante",
  "cinquante",
  "soixante",
  "quelques",
  "plusieurs",
  "premieres",
  "dernieres",
  "prochaines",
  "combien",
  "one",
  "two",
  "three",
  "four",
  "five",
  "ten",
  "fifteen",
  "twenty",
  "thirty",
  "forty",
  "fifty",
  "sixty",
  "few",
  "several",
  "many",
  "couple",
  "first",
  "last",
  "next",
  "extra",
  "more",
  "less",
];
const countsTime = ({ before }: Context) => before.slice(-2).some((word) => /^\d+$/.test(word) || QUANTITIES.includes(word));

/** "enregistrée", "recorded", "enregistrement" also mean a registration was saved or a check-in desk. */
const REGISTRATION_WORDS = [
  "inscription",
  "inscriptions",
  "reservation",
  "reservations",
  "billet",
  "billets",
  "paiement",
  "place",
  "places",
  "nom",
  "adresse",
  "mail",
  "email",
  "registration",
  "register",
  "booking",
  "ticket",
  "tickets",
  "payment",
  "name",
  "address",
  "attendance",
];
/** "Is recording allowed?" asks about filming in the room, not for a recording. */
const PERMISSION_WORDS = ["allowed", "permitted", "forbidden", "autorise", "autorisee", "interdit", "interdite"];
const sentenceHasAny = (words: string[]) => (context: Context) => context.sentence.some((word) => words.includes(word));

/** "Will the presentation be online or in person?" asks how the talk is given, not for its slides. */
const TALK_FORMAT_WORDS = ["presentiel", "distanciel", "hybride", "person", "hybrid", "salle", "room"];

/** "video call", "vidéo-projecteur": the tool, not a recording of the event. */
const nextWordIsAny = (words: string[]) => (context: Context) => words.includes(context.after[0]);

/** French determiners that make "support" the slides ("les supports") rather than help or backing. */
const FR_DETERMINERS = ["le", "les", "un", "des", "du", "ce", "ces", "votre", "vos", "ton", "tes", "ta"];

const ARTEFACTS: Artefact[] = [
  // Words that only mean a recap: a plain question is enough ("CR ?", "Le replay ?").
  {
    label: "compte rendu",
    needs: QUESTION,
    spellings: ["compte rendu", "comptes rendus", "compte rendus", "comptes rendu"],
  },
  // A word on its own: "CRM", "crêpes" or "sucre" never match, the text is matched word by word.
  { label: "CR", needs: QUESTION, spellings: ["cr"] },
  { label: "recap", needs: QUESTION, spellings: ["récap", "récaps"] },
  { label: "récapitulatif", needs: QUESTION, spellings: ["récapitulatif", "récapitulatifs"] },
  // After a French determiner, so the English verb "resume" ("when do we resume?") never matches.
  { label: "résumé", needs: QUESTION, spellings: ["un résumé", "le résumé", "petit résumé"] },
  { label: "procès-verbal", needs: QUESTION, spellings: ["procès-verbal", "procès-verbaux"] },
  { label: "slides", needs: QUESTION, spellings: ["slides", "slide deck"] },
  { label: "diapos", needs: QUESTION, spellings: ["diapos", "diapositives", "diaporama"] },
  {
    label: "support de présentation",
    needs: QUESTION,
    spellings: ["support de présentation", "supports de présentation", "support de la présentation", "supports de la présentation"],
  },
  { label: "replay", needs: QUESTION, spellings: ["replay", "replays"] },
  {
    label: "recording",
    needs: QUESTION,
    spellings: ["recording", "recordings"],
    otherSense: sentenceHasAny(PERMISSION_WORDS),
  },
  {
    label: "recorded",
    needs: QUESTION,
    spellings: ["recorded"],
    otherSense: sentenceHasAny(REGISTRATION_WORDS),
  },
  { label: "filmed", needs: QUESTION, spellings: ["filmed"] },
  {
    label: "enregistré",
    needs: QUESTION,
    spellings: ["enregistré", "enregistrée", "enregistrés", "enregistrées"],
    otherSense: sentenceHasAny(REGISTRATION_WORDS),
  },
  { label: "filmé", needs: QUESTION, spellings: ["filmé", "filmée", "filmés", "filmées"] },
  { label: "minutes", needs: QUESTION, spellings: ["minutes"], otherSense: countsTime },
  { label: "transcript", needs: QUESTION, spellings: ["transcript", "transcripts"] },
  { label: "transcription", needs: QUESTION, spellings: ["transcription", "transcriptions"] },
  { label: "write-up", needs: QUESTION, spellings: ["write-up", "write-ups", "writeup"] },

  // Everyday words: they need an explicit ask ("is there a video?", "y a-t-il un enregistrement ?").
  {
    label: "video",
    needs: ASKING,
    spellings: ["vidéo", "vidéos"],
    otherSense: nextWordIsAny(["call", "calls", "conference", "conferencing", "chat", "projecteur", "projector"]),
  },
  {
    label: "enregistrement",
    needs: ASKING,
    spellings: ["enregistrement", "enregistrements"],
    otherSense: sentenceHasAny(REGISTRATION_WORDS),
  },
  // "notes de frais" are expense claims.
  { label: "notes", needs: ASKING, spellings: ["notes"], otherSense: nextWordIsAny(["de"]) },
  { label: "summary", needs: ASKING, spellings: ["summary"] },
  { label: "deck", needs: ASKING, spellings: ["deck"] },

  // Words with a common other sense ("la présentation commence à 19 h", "merci pour votre soutien",
  // "le support technique"): only with a sharing word ("partager la présentation").
  {
    label: "presentation",
    needs: SHARING,
    spellings: ["présentation", "présentations"],
    otherSense: sentenceHasAny(TALK_FORMAT_WORDS),
  },
  {
    label: "support",
    needs: SHARING,
    spellings: ["support", "supports"],
    otherSense: ({ before }) => !FR_DETERMINERS.includes(before[before.length - 1]),
  },
];

const ARTEFACT_SPELLINGS = longestFirst(ARTEFACTS.flatMap((artefact) => artefact.spellings.map((spelling) => spell(spelling, artefact))));

/* -------------------------------------------------------------------------------------------------
 * Asking cues: how a sentence asks.
 * ---------------------------------------------------------------------------------------------- */

/** A label ending in "*" ("partag*") is shown as the word actually found ("partagees"). */
type Cue = { label: string; plainness: Plainness };

function cues(plainness: Plainness, phrases: string[]): Spelling<Cue>[] {
  return phrases.map((phrase) => spell(phrase, { label: phrase, plainness }));
}

const QUESTION_MARK: Cue = { label: "?", plainness: QUESTION };

const ASKING_CUES = [
  ...cues(QUESTION, ["est-ce que", "est-ce qu'"]),
  ...cues(ASKING, [
    "y a-t-il",
    "y aura-t-il",
    "est-ce qu'il y a",
    "est-ce qu'il y aura",
    "est-il possible",
    "est-ce possible",
    "serait-il possible",
    "serait-il",
    "pourriez-vous",
    "pourrais-tu",
    "pouvez-vous",
    "peux-tu",
    "peut-on",
    "pourrait-on",
    "pourra-t-on",
    "auriez-vous",
    "aurais-tu",
    "quelqu'un aurait",
    "quelqu'un a pris",
    "quelqu'un pourrait",
    "quelqu'un peut",
    "svp",
    "s'il vous plaît",
    "stp",
    "s'il te plaît",
    "merci d'avance",
    "merci par avance",
    "d'avance merci",
    "preneur",
    "preneuse",
    "intéressé par",
    "intéressée par",
    "intéressés par",
    "intéressées par",
    "j'aimerais",
    "je voudrais",
    "je veux bien",
    "ce serait super",
    "ce serait top",
    "serait le bienvenu",
    "serait la bienvenue",
    "seraient les bienvenus",
    "où trouver",
    "où peut-on trouver",
    "où sont",
    "où est",
    "comment avoir",
    "comment récupérer",
  ]),
  ...cues(ASKING, [
    "is there",
    "are there",
    "will there be",
    "was there",
    "were there",
    "any",
    "any chance",
    "could you",
    "can you",
    "would you",
    "will you",
    "are you going to",
    "could someone",
    "can someone",
    "could anyone",
    "can anyone",
    "does anyone have",
    "did anyone take",
    "do you have",
    "can i get",
    "could i get",
    "can we get",
    "could we get",
    "is it possible",
    "would it be possible",
    "please",
    "pls",
    "plz",
    "where can i find",
    "where can we find",
    "where are",
    "would love",
    "i'd love",
    "would appreciate",
    "thanks in advance",
    "thank you in advance",
  ]),
  ...cues(SHARING, [
    "partag*",
    "envoy*",
    "envoie",
    "envoies",
    "transmettre",
    "transmis",
    "transmise",
    "diffus*",
    "disponible",
    "disponibles",
    "dispo",
    "dispos",
    "en ligne",
    "à disposition",
    "publier",
    "publié",
    "publiée",
    "publiés",
    "publiées",
    "publiera",
    "publierez",
    "récupérer",
    "avoir accès",
    "accéder",
    "possible d'avoir",
    "obtenir",
    "recevoir",
    "télécharg*",
    "consulter",
  ]),
  ...cues(SHARING, [
    "share*",
    "send*",
    "sent",
    "post the",
    "post it",
    "post them",
    "posted",
    "posting",
    "upload*",
    "available",
    "online",
    "publish*",
    "circulat*",
    "distribut*",
    "download*",
    "get a copy",
    "copy of",
    "get access",
    "have access",
  ]),
];

/** Asking only inside a question: "Il y a une vidéo ?" asks, "Il y a une vidéo projetée" tells. */
const ASKING_IN_A_QUESTION = [
  ...cues(ASKING, ["il y a", "il y aura", "prévu", "prévue", "prévus", "prévues"]),
  ...cues(ASKING, ["there is", "there's", "there will be", "going to be", "planned"]),
];

const ASKING_IN_A_STATEMENT = longestFirst([...ASKING_CUES]);
const ASKING_IN_A_QUESTION_TOO = longestFirst([...ASKING_CUES, ...ASKING_IN_A_QUESTION]);

/* -------------------------------------------------------------------------------------------------
 * Absence: the author missed the event, so naming an artefact at all is a request.
 * ---------------------------------------------------------------------------------------------- */

const FR_CANNOT = ["pas pu", "pourrai pas", "pourrais pas", "pourrons pas"];
const FR_BE_THERE = [
  "venir",
  "assister",
  "y assister",
  "y aller",
  "m'y rendre",
  "me rendre",
  "nous y rendre",
  "participer",
  "y participer",
  "être présent",
  "être présente",
  "être présents",
  "être là",
  "être des vôtres",
  "être parmi vous",
  "rester",
  "me libérer",
  "me joindre",
  "me connecter",
  "suivre",
];
const EN_CANNOT = [
  "couldn't",
  "could not",
  "can't",
  "cannot",
  "can not",
  "wasn't able to",
  "was not able to",
  "weren't able to",
  "unable to",
  "won't be able to",
  "will not be able to",
  "not able to",
  "didn't get to",
  "did not get to",
];
const EN_BE_THERE = ["attend", "make it", "come", "join", "be there", "be present", "stay"];

const ABSENCE_CUES = longestFirst([
  ...cues(SHARING, [
    ...FR_CANNOT.flatMap((cannot) => FR_BE_THERE.map((verb) => `${cannot} ${verb}`)),
    "pas été en mesure",
    "absent",
    "absente",
    "empêché",
    "empêchée",
    "j'ai raté",
    "j'ai loupé",
    "j'ai manqué",
  ]),
  ...cues(SHARING, [
    ...EN_CANNOT.flatMap((cannot) => EN_BE_THERE.map((verb) => `${cannot} ${verb}`)),
    "missed it",
    "missed the",
    "i missed",
    "had to miss",
    "will miss",
    "didn't make it",
    "did not make it",
    "wasn't there",
    "was not there",
    "was absent",
    "was away",
  ]),
]);

/** "Pour ceux qui n'ont pas pu venir…", "For those who couldn't make it…": organisers talking, not absentees. */
const OTHER_PEOPLE = ["ceux", "celles", "personnes", "those", "anyone", "everyone", "people", "whoever"];

function aboutOtherPeople(words: string[], absence: Found<Cue>): boolean {
  return words.slice(Math.max(0, absence.start - 4), absence.start).some((word) => OTHER_PEOPLE.includes(word));
}

/* -------------------------------------------------------------------------------------------------
 * Already published: thanks, praise and announcements name an artefact without asking for it.
 * A question is never about something already received, so none of this applies to questions.
 * ---------------------------------------------------------------------------------------------- */

/** "Merci pour le compte rendu", "thanks for sharing the slides": up to four words before the artefact. */
const THANKS = wordList([
  "merci pour",
  "merci du",
  "merci d'avoir",
  "merci à vous pour",
  "merci à toi pour",
  "merci beaucoup pour",
  "merci infiniment pour",
  "merci de ce",
  "merci de cette",
  "bravo pour",
  "félicitations pour",
  "thanks for",
  "thank you for",
  "thanks a lot for",
  "thanks so much for",
  "thank you so much for",
  "thx for",
  "cheers for",
  "kudos for",
  "congrats on",
]);
/** "Super vidéo", "great recap": right before the artefact. */
const PRAISE = [
  "super",
  "superbe",
  "excellent",
  "excellente",
  "genial",
  "geniale",
  "top",
  "chouette",
  "beau",
  "belle",
  "great",
  "awesome",
  "nice",
  "amazing",
  "fantastic",
  "brilliant",
  "wonderful",
  "helpful",
  "useful",
  "cool",
  "lovely",
];
/** "Voici le replay", "the slides are available here: <link>". */
const POINTERS = wordList([
  LINK,
  "voici",
  "voilà",
  "ci-dessous",
  "ci-joint",
  "ci-jointe",
  "retrouvez",
  "vous trouverez",
  "ici",
  "here is",
  "here are",
  "here's",
  "here you go",
  "available here",
  "found here",
  "below",
  "attached",
  "you can find",
  "can be found",
]);
/** "Le compte rendu est très complet", "the recording is now online": telling, not asking… */
const IS_VERBS = [
  "est",
  "sont",
  "sera",
  "seront",
  "etait",
  "etaient",
  "a",
  "ont",
  "is",
  "are",
  "was",
  "were",
  "will",
  "has",
  "have",
  "s", // "s": "the recording's up"
];
/** …unless the subject is inverted, French-style: "le compte rendu est-il disponible". */
const INVERTED_SUBJECTS = ["il", "elle", "ils", "elles", "t", "on"];

function alreadyPublished(found: Found<Artefact>, sentence: Sentence): boolean {
  if (sentence.isQuestion) return false;
  const { words } = sentence;
  const thanked = findAll(words, THANKS).some(
    (thanks) => thanks.end <= found.start && found.start - thanks.end <= 4 && !words.slice(thanks.end, found.start).includes(","),
  );
  const praised = words.slice(Math.max(0, found.start - 2), found.start).some((word) => PRAISE.includes(word));
  const pointedAt = findAll(words, POINTERS).length > 0;
  const [verb, subject] = words.slice(found.end, found.end + 2);
  const describedAsDone = IS_VERBS.includes(verb) && !INVERTED_SUBJECTS.includes(subject);
  return thanked || praised || pointedAt || describedAsDone;
}

/* -------------------------------------------------------------------------------------------------
 * The verdict.
 * ---------------------------------------------------------------------------------------------- */

type Evidence = { label: string };

export function recogniseRecapRequest(text: string): RecapRequest {
  const sentences = splitIntoSentences(normalise(text));

  const absences = sentences.flatMap((sentence) => findAll(sentence.words, ABSENCE_CUES).filter((absence) => !aboutOtherPeople(sentence.words, absence)));

  const evidence: Evidence[] = [];
  for (const sentence of sentences) {
    const { words } = sentence;
    const artefacts = findAll(words, ARTEFACT_SPELLINGS).filter((found) => {
      const context = { before: words.slice(0, found.start), after: words.slice(found.end), sentence: words };
      return !found.of.otherSense?.(context) && !alreadyPublished(found, sentence);
    });
    if (artefacts.length === 0) continue;

    const asking = findAll(words, sentence.isQuestion ? ASKING_IN_A_QUESTION_TOO : ASKING_IN_A_STATEMENT).map((found) => ({
      ...found.of,
      label: found.of.label.endsWith("*") ? found.text : found.of.label,
    }));
    if (sentence.isQuestion) asking.push(QUESTION_MARK);

    // Having missed the event makes any mention of an artefact a request, wherever it is.
    const plainness = Math.max(0, ...asking.map((cue) => cue.plainness), absences.length > 0 ? SHARING : 0);
    const requested = artefacts.filter((found) => found.of.needs <= plainness).map((found) => found.of);
    if (requested.length > 0) evidence.push(...requested, ...asking);
  }

  if (evidence.length === 0) return { asksForRecap: false, matched: [] };
  evidence.push(...absences.map((absence) => absence.of));

  return { asksForRecap: true, matched: [...new Set(evidence.map((cue) => cue.label))] };
}
