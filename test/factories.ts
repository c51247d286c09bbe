import type { Database } from "@/lib/db/client";
import { hashBody } from "@/lib/comments/hash";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

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

/** A comment already stored with the given status (approved by default). */
export async function createComment(
  db: Database,
  eventId: string,
  overrides: Partial<{ authorName: string; authorEmail: string; authorUserId: string; body: string; status: "PENDING" | "APPROVED" | "SPAM" | "REJECTED"; createdAt: Date; ipHash: string; parentId: string; depth: number }> = {},
) {
  const body = overrides.body ?? `Commentaire ${unique()}`;
  return db.comment.create({
    data: {
      eventId,
      authorName: "Lecteur",
      authorEmail: `lecteur-${unique()}@example.org`,
      status: "APPROVED",
      // An earlier comment: old enough not to trip flood control for its author.
      createdAt: new Date(Date.now() - 86_400_000),
      ipHash: "factory",
      ...overrides,
      body,
      bodyHash: hashBody(body),
    },
  });
}

/** A recap request as a reader would have left it: confirmed by default, in French, asked a day ago. */
export async function createRecapRequest(
  db: Database,
  eventId: string,
  overrides: Partial<{ email: string; name: string; locale: string; status: "UNCONFIRMED" | "CONFIRMED" | "WITHDRAWN"; confirmedAt: Date; recapSentAt: Date | null }> = {},
) {
  const askedAt = new Date(Date.now() - 86_400_000);
  const status = overrides.status ?? "CONFIRMED";
  return db.recapRequest.create({
    data: {
      eventId,
      email: `demandeur-${unique()}@example.org`,
      locale: "fr",
      status,
      confirmTokenExpiresAt: new Date(askedAt.getTime() + 7 * 86_400_000),
      consentAt: askedAt,
      consentIpHash: "factory",
      consentWordingVersion: "test",
      lastConfirmationSentAt: askedAt,
      confirmedAt: status === "CONFIRMED" ? askedAt : null,
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
