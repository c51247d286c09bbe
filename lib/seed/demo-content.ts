import { recogniseRecapRequest } from "@/lib/recaps/recognise-recap-request";
import type { Database } from "@/lib/db/client";
import { zonedLocalToUtc } from "@/lib/i18n/zoned-time";
import { commentRecord, recapRequestRecord } from "./records";

export const DEMO_EVENT_SLUG = "webreakfast-plaidoyer-mobilisation-collecte-de-fonds";
export const DEMO_UPCOMING_SLUG = "webreakfast-2-outils-libres-vie-privee";
export const DEMO_RECAP_SLUG = "atelier-lettres-d-information-sans-traceurs";
const DEMO_SEEDED_KEY = "demo_seeded_at";

const WEBREAKFAST_TOPIC = `Avec le drame en Haïti, 2010 aura été l’année d’Internet et du mobile pour la mobilisation et la collecte de fonds, mais ce succès quantitatif et événementiel est également à analyser au regard des nombreuses critiques qui s’expriment vis-à-vis de ces technologies et de leurs usages en matière de mobilisation : surveillance et censure des réseaux, protection de la vie privée, rapport parfois ambigu à des entreprises du secteur privé comme Google ou Facebook, contrôle et propriété des contenus générés par les utilisateurs, efficacité des campagnes dont il est parfois difficile de mesurer avec précision la portée réelle au-delà d’Internet…

Si certains ont pu penser que la révolution en Iran passerait par Twitter, ce qu’il est désormais convenu d’appeler le « clickactivism », c’est-à-dire les formes d’investissement et de mobilisations qui n’engagent que très peu ceux qui y participent, font polémique. Cet « activisme fainéant » ou cet « engagement distancié » qui voit les personnes s’inscrire à un groupe Facebook ou cliquer sur l’icône « J’aime » pose des questions de fonds sur l’usage que les associations et les ONG peuvent ou doivent faire des nouveaux médias. En effet, s’agit-il de s’inscrire dans une logique de marketing pur ou plutôt de promouvoir chez les utilisateurs d’Internet une capacité d’agir (un « empowerment ») qui leur permette de s’impliquer dans une campagne et d’en assurer le succès ?

Cette question interroge l’ensemble de la chaîne des acteurs qui produisent des outils de mobilisation — des agences qui conçoivent ces campagnes aux ONG, activistes ou associations qui les utilisent : une campagne qui a recours à ces médias est-elle uniquement un outil de marketing qui ferait « buzzer » l’organisation et dont les retours attendus ne seraient qu’une « audience » ou doit-elle solliciter et renforcer la capacité d’agir des citoyens ? N’y a-t-il pas au final une manière de concilier la nécessaire audience qu’il faut donner à une campagne avec l’implication concrète des citoyens : on parlera alors de « User Generated Content », de « crowdsourcing » et même parfois de « crowdfunding » ou de « micro-voluntarism », etc.

De nombreux exemples nous montrent que lorsque l’on sollicite les internautes pour qu’ils s’impliquent plus activement dans une campagne (en produisant du contenu et/ou en participant à son travail de diffusion par exemple, en participant à la création de base de données et de don par un travail que l’on qualifie aujourd’hui de « micro-volontarism », etc.) les résultats peuvent aller bien au-delà de ceux escomptés à l’origine du projet car ces outils suscitent chez les citoyens et les donateurs de nouvelles envies d’agir et d’être solidaire.

C’est autour de ces problématiques liées aux formes d’engagement et de mobilisation que nous vous convions à ce premier petit Webreakfast de l’Agence LIMITE. Les webreakfasts LIMITE sont des moments d’échanges informels où toutes les questions des présents sont abordées « en live », ils sont exclusivement réservés aux services marketing, collecte, communication et Internet des associations, ONG et fondations.`;

const MARTIN_COMMENT = `bonjour,
Y a t’il eu un compte rendu de ce premier webreackfast stp ? Je n’ai malheureusement pas pu m’y rendre…
Cordialement,
Martin (webmaster de l’association Agir Pour l’Environnement)`;

const NEWSLETTER_RECAP = `Une dizaine d’associations étaient là. Trois idées à retenir :

- **Mesurer sans pister** : les ouvertures et les clics ne disent pas si une lettre est utile ; demander une fois par an à ses lecteurs ce qu’ils lisent en dit plus.
- **Un seul consentement clair** par liste, avec sa date et sa formulation gardées, et un désabonnement en un clic.
- **Héberger soi-même** sa liste, ou choisir un prestataire qui n’exploite pas les adresses.

Les diapositives et l’enregistrement sont en lien ci-dessous.`;

/** The demo's events: the Webreakfast whose recap people still wait for, a past workshop whose recap is out, and an upcoming one. */
export function demoEvents(now: Date) {
  const upcomingDay = new Date(now.getTime() + 24 * 24 * 3600 * 1000);
  const upcomingDate = upcomingDay.toISOString().slice(0, 10);
  const workshopDate = new Date(now.getTime() - 21 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  return [
    {
      slug: DEMO_EVENT_SLUG,
      title: "Plaidoyer, mobilisation et collecte de fonds : nouveaux outils et usages pour les associations, ONG, fondations, partis, syndicats et activistes",
      // 28 September 2010, 8h–10h in Paris (UTC+2 in summer time).
      startsAt: new Date("2010-09-28T06:00:00Z"),
      endsAt: new Date("2010-09-28T08:00:00Z"),
      timeZone: "Europe/Paris",
      venueName: "Agence LIMITE",
      venueAddress: "224 rue Saint-Denis, 75002 Paris",
      hostNames: "Frédéric Bardeau\nOlivier Blondeau",
      summary: "Premier Webreakfast de l’Agence LIMITE : clickactivism, empowerment et nouveaux outils de mobilisation.",
      topic: WEBREAKFAST_TOPIC,
      language: "fr",
    },
    {
      slug: DEMO_UPCOMING_SLUG,
      title: "Webreakfast #2 : outils libres et vie privée pour les associations",
      // 8h30–10h in Paris; the offset is looked up so the demo is right in summer and winter.
      startsAt: parisTime(upcomingDate, 8, 30),
      endsAt: parisTime(upcomingDate, 10, 0),
      timeZone: "Europe/Paris",
      venueName: "Agence LIMITE",
      venueAddress: "224 rue Saint-Denis, 75002 Paris",
      hostNames: "Olivier Blondeau",
      summary: "Mobiliser sans traceurs : hébergement, listes de diffusion et formulaires respectueux des données des membres.",
      topic: `Comment mobiliser ses membres sans confier leurs données à des plateformes publicitaires ?

- héberger soi-même ses pages d’événement et ses formulaires ;
- des listes de diffusion à double consentement ;
- mesurer l’audience **sans** traceurs tiers.

Un petit-déjeuner d’échanges informels, ouvert aux équipes communication et collecte des associations.`,
      language: "fr",
    },
    {
      slug: DEMO_RECAP_SLUG,
      title: "Atelier : des lettres d’information sans traceurs",
      startsAt: parisTime(workshopDate, 18, 30),
      endsAt: parisTime(workshopDate, 20, 0),
      timeZone: "Europe/Paris",
      venueName: "Agence LIMITE",
      venueAddress: "224 rue Saint-Denis, 75002 Paris",
      hostNames: "Frédéric Bardeau",
      summary: "Envoyer sa lettre d’information sans pister ses lecteurs : outils, consentement, mesure.",
      topic: "Un atelier pratique pour les équipes communication : choisir un outil d’envoi, recueillir un consentement clair, mesurer sans traceurs.",
      language: "fr",
    },
  ];
}

/** A UTC instant for a wall-clock time in Paris on the given day. */
function parisTime(isoDate: string, hours: number, minutes: number): Date {
  return zonedLocalToUtc(`${isoDate}T${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`, "Europe/Paris");
}

/**
 * Creates or refreshes the demo events and Martin's comment. Idempotent; never touches
 * non-demo events (a real event already holding a demo slug is left alone) nor readers' comments.
 */
export async function seedDemoContent(db: Database, now: Date = new Date()): Promise<void> {
  // The organisation of the seed's announcement, unless the site already has its own (setup or settings win).
  await db.siteSettings.upsert({
    where: { id: "site" },
    create: {
      id: "site",
      organisationName: "Agence LIMITE",
      description: "Webreakfasts : des échanges informels sur l’engagement et la mobilisation en ligne",
    },
    update: {},
    select: { id: true },
  });
  for (const event of demoEvents(now)) {
    const existing = await db.event.findUnique({ where: { slug: event.slug }, select: { isDemo: true } });
    if (existing && !existing.isDemo) continue;
    await db.event.upsert({
      where: { slug: event.slug },
      create: { ...event, status: "PUBLISHED", isDemo: true, firstPublishedAt: now },
      update: { ...event, status: "PUBLISHED" },
    });
  }
  const webreakfast = await db.event.findUnique({ where: { slug: DEMO_EVENT_SLUG }, select: { id: true, isDemo: true } });
  if (webreakfast?.isDemo) {
    const martin = commentRecord({
      eventId: webreakfast.id,
      authorName: "Martin",
      authorEmail: "martin@example.org",
      authorUrl: "http://www.facebook.com/association.agirpourlenvironnement",
      body: MARTIN_COMMENT,
      status: "APPROVED",
      // Flagged like any comment posted today, so hosts see Martin's question in the dashboard.
      asksForRecap: recogniseRecapRequest(MARTIN_COMMENT).asksForRecap,
      createdAt: new Date("2010-10-04T07:42:00Z"),
      ipHash: "demo",
    });
    await db.comment.upsert({ where: { id: "demo-martin-comment" }, create: { id: "demo-martin-comment", ...martin }, update: martin });
  }
  await seedDemoRecapLoop(db, now);
  await db.setting.upsert({
    where: { key: DEMO_SEEDED_KEY },
    create: { key: DEMO_SEEDED_KEY, value: now.toISOString() },
    update: { value: now.toISOString() },
  });
}

/** A demo request, asked and confirmed at `confirmedAt` (and sent the recap at `recapSentAt`), keyed by its address. */
async function demoRequest(db: Database, eventId: string, email: string, confirmedAt: Date, recapSentAt: Date | null = null) {
  const request = recapRequestRecord({ eventId, email, askedAt: confirmedAt, source: "demo", recapSentAt });
  await db.recapRequest.upsert({ where: { eventId_email: { eventId, email } }, create: request, update: request, select: { id: true } });
}

/**
 * The recap loop in both states: people have waited for the Webreakfast's recap since October 2010
 * (Martin among them), and the workshop's recap is out and was sent to those who asked.
 */
async function seedDemoRecapLoop(db: Database, now: Date) {
  const [webreakfast, workshop] = await Promise.all([
    db.event.findUnique({ where: { slug: DEMO_EVENT_SLUG }, select: { id: true, isDemo: true } }),
    db.event.findUnique({ where: { slug: DEMO_RECAP_SLUG }, select: { id: true, isDemo: true } }),
  ]);
  if (webreakfast?.isDemo) {
    await demoRequest(db, webreakfast.id, "martin@example.org", new Date("2010-10-04T07:45:00Z"));
    await demoRequest(db, webreakfast.id, "claire@example.org", new Date("2010-10-05T16:10:00Z"));
    await demoRequest(db, webreakfast.id, "yann@example.org", new Date("2010-10-11T09:30:00Z"));
  }
  if (workshop?.isDemo) {
    const publishedAt = new Date(now.getTime() - 10 * 24 * 3600 * 1000);
    const recap = { body: NEWSLETTER_RECAP, status: "PUBLISHED" as const, publishedAt, publicationCount: 1 };
    const saved = await db.recap.upsert({ where: { eventId: workshop.id }, create: { eventId: workshop.id, ...recap }, update: recap, select: { id: true } });
    await db.recapLink.deleteMany({ where: { recapId: saved.id } });
    await db.recapLink.createMany({
      data: [
        { recapId: saved.id, kind: "SLIDES", title: "Les diapositives de l’atelier", url: "https://example.org/atelier-lettres/diapositives.pdf", position: 0 },
        { recapId: saved.id, kind: "VIDEO", title: "L’enregistrement (1 h 20)", url: "https://example.org/atelier-lettres/video", position: 1 },
      ],
    });
    const askedAt = new Date(now.getTime() - 20 * 24 * 3600 * 1000);
    await demoRequest(db, workshop.id, "nadia@example.org", askedAt, new Date(publishedAt.getTime() + 60_000));
    await demoRequest(db, workshop.id, "paul@example.org", new Date(askedAt.getTime() + 3600_000), new Date(publishedAt.getTime() + 62_000));
  }
}

/** First start only: seed once, and never again if the instance's admins delete the demo. */
export async function seedDemoContentOnFirstRun(db: Database, now: Date = new Date()): Promise<boolean> {
  const marker = await db.setting.findUnique({ where: { key: DEMO_SEEDED_KEY }, select: { key: true } });
  if (marker) return false;
  await seedDemoContent(db, now);
  return true;
}
