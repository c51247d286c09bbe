// The rows the demo seed and the tests' factories both write, built the same way: pure functions from
// what differs (who, when, which event) to the create data, so a demo comment or request is shaped like
// one a reader leaves on a page.
import { hashBody } from "@/lib/comments/hash";
import { RECAP_REQUEST_LIMITS } from "@/lib/recaps/recap-request-limits";

const DAY_MS = 86_400_000;

export type CommentStatus = "PENDING" | "APPROVED" | "SPAM" | "REJECTED";
export type RecapRequestStatus = "UNCONFIRMED" | "CONFIRMED" | "WITHDRAWN";

/** A stored comment; its body hash always matches its body (duplicate detection relies on it). */
export function commentRecord(fields: {
  eventId: string;
  authorName: string;
  authorEmail: string;
  body: string;
  status: CommentStatus;
  createdAt: Date;
  ipHash: string;
  authorUrl?: string;
  authorUserId?: string;
  parentId?: string;
  depth?: number;
  asksForRecap?: boolean;
}) {
  return { ...fields, bodyHash: hashBody(fields.body) };
}

/**
 * A recap request as a reader leaves it: consent recorded when asked, a confirmation link valid as long as
 * the real one, and the confirmation time once confirmed (when asked, unless given).
 */
export function recapRequestRecord(fields: {
  eventId: string;
  email: string;
  askedAt: Date;
  /** Where the record comes from, kept as the consent's IP hash and wording version ("demo", "test"). */
  source: string;
  status?: RecapRequestStatus;
  name?: string;
  locale?: string;
  confirmedAt?: Date | null;
  recapSentAt?: Date | null;
}) {
  const { eventId, email, askedAt, source, name, locale = "fr", status = "CONFIRMED", recapSentAt = null } = fields;
  return {
    eventId,
    email,
    name,
    locale,
    status,
    confirmTokenExpiresAt: new Date(askedAt.getTime() + RECAP_REQUEST_LIMITS.tokenValidityDays * DAY_MS),
    consentAt: askedAt,
    consentIpHash: source,
    consentWordingVersion: source,
    lastConfirmationSentAt: askedAt,
    confirmedAt: fields.confirmedAt !== undefined ? fields.confirmedAt : status === "CONFIRMED" ? askedAt : null,
    recapSentAt,
    createdAt: askedAt,
  };
}
