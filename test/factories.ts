import type { Database } from "@/lib/db/client";
import { type CommentStatus, commentRecord, type RecapRequestStatus, recapRequestRecord } from "@/lib/seed/records";
import { createUser } from "@/lib/users/create-user";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;
const DAY = 86_400_000;

/** The password of every account `createHost` makes, for tests that sign in. */
export const HOST_PASSWORD = "a long enough password";

/**
 * A host (or, with `role: "ADMIN"`, an admin) account as `npm run admin:create` makes it. The result
 * ({ id, email, role }) is the actor to pass to use cases.
 */
export async function createHost(db: Database, overrides: Partial<{ email: string; name: string; role: "HOST" | "ADMIN"; locale: "fr" | "en" }> = {}) {
  return createUser({
    db,
    actor: "system",
    input: { email: `hote-${unique()}@example.org`, name: "Hôte", password: HOST_PASSWORD, role: "HOST", ...overrides },
  });
}

/** A published event (or as overridden), as a host would have entered it. */
export async function createEvent(db: Database, overrides: Partial<Parameters<Database["event"]["create"]>[0]["data"]> = {}) {
  const id = unique();
  return db.event.create({
    data: {
      slug: `event-${id}`,
      title: `Atelier ${id}`,
      startsAt: new Date("2026-03-10T17:00:00Z"),
      endsAt: new Date("2026-03-10T19:00:00Z"),
      timeZone: "Europe/Paris",
      venueName: "Maison des associations",
      venueAddress: "1 rue de la Paix, 75001 Paris",
      hostNames: "Alice\nBob",
      summary: "Un atelier.",
      topic: "Le **sujet**.",
      status: "PUBLISHED",
      ...overrides,
    },
  });
}

/** The event editor's form for a stored event, as a host would send it back, with the changes given. */
export async function eventFormFor(db: Database, eventId: string, changes: Record<string, string> = {}) {
  const current = await db.event.findUniqueOrThrow({ where: { id: eventId } });
  return {
    slug: current.slug,
    title: current.title,
    timeZone: current.timeZone,
    startsAt: "2026-03-29T09:00",
    endsAt: "2026-03-29T11:00",
    venueName: current.venueName,
    venueAddress: current.venueAddress,
    hostNames: current.hostNames,
    summary: current.summary,
    topic: current.topic,
    language: "fr",
    status: current.status,
    ...changes,
  };
}

/** A comment already stored with the given status (approved by default). */
export async function createComment(
  db: Database,
  eventId: string,
  overrides: Partial<{
    authorName: string;
    authorEmail: string;
    authorUserId: string;
    body: string;
    status: CommentStatus;
    createdAt: Date;
    ipHash: string;
    parentId: string;
    depth: number;
  }> = {},
) {
  return db.comment.create({
    data: commentRecord({
      eventId,
      authorName: "Lecteur",
      authorEmail: `lecteur-${unique()}@example.org`,
      body: `Commentaire ${unique()}`,
      status: "APPROVED",
      // An earlier comment: old enough not to trip flood control for its author.
      createdAt: new Date(Date.now() - DAY),
      ipHash: "factory",
      ...overrides,
    }),
  });
}

type RecapRequestOverrides = Partial<{
  email: string;
  name: string;
  locale: string;
  status: RecapRequestStatus;
  askedAt: Date;
  confirmedAt: Date | null;
  recapSentAt: Date | null;
}>;

/** A recap request as a reader would have left it: confirmed by default, in French, asked a day ago. */
export async function createRecapRequest(db: Database, eventId: string, overrides: RecapRequestOverrides = {}) {
  return db.recapRequest.create({
    data: recapRequestRecord({ eventId, email: `demandeur-${unique()}@example.org`, askedAt: new Date(Date.now() - DAY), source: "factory", ...overrides }),
  });
}

/** `count` such requests for one event at once (each with its own address), as a popular event gathers. */
export async function createRecapRequests(db: Database, eventId: string, count: number, overrides: Omit<RecapRequestOverrides, "email"> = {}) {
  const askedAt = new Date(Date.now() - DAY);
  await db.recapRequest.createMany({
    data: Array.from({ length: count }, () =>
      recapRequestRecord({ eventId, email: `demandeur-${unique()}@example.org`, askedAt, source: "factory", ...overrides }),
    ),
  });
}

/** An e-mail in the outbox: a pending recap-request confirmation unless told otherwise. */
export async function createOutboundEmail(db: Database, overrides: Partial<Parameters<Database["outboundEmail"]["create"]>[0]["data"]> = {}) {
  const id = unique();
  return db.outboundEmail.create({
    data: {
      kind: "recap-request-confirmation",
      dedupeKey: `factory-${id}`,
      toAddress: `destinataire-${id}@example.org`,
      subject: "Confirmez votre demande",
      ...overrides,
    },
  });
}

/** As if every rate-limit window had run out (the limiter counts in real time; tests do not wait for it). */
export async function letRateLimitsExpire(db: Database) {
  await db.rateLimiterFlexible.deleteMany();
}

/** A browser key a host already trusted for `email` (as after approving a comment from it). */
export async function trustedBrowser(db: Database, email: string): Promise<string> {
  const { commenterKeyHash, newCommenterKey, trustId } = await import("@/lib/comments/commenter-key");
  const key = newCommenterKey();
  await db.trustedCommenter.create({ data: { id: trustId(commenterKeyHash(key), email) } });
  return key;
}
