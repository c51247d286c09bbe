import type { Database } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError, invalidInput } from "@/lib/errors";
import type { CommentStatus } from "@/lib/generated/prisma/enums";
import { commentInputSchema } from "./comment-input";
import { assertWithinCommentRateLimits } from "./comment-rate-limits";
import { commenterKeyHash, trustId } from "./commenter-key";
import { formTokenAgeSeconds } from "./form-token";
import { duplicateKeys, hashBody, hashIp } from "./hash";
import { storeModerationNotes } from "./moderation-notes";
import { decideModeration } from "./moderation-policy";
import type { Locale } from "@/lib/i18n/locales";
import { recogniseRecapRequest } from "@/lib/recaps/recognise-recap-request";
import { replyToRecapAskers } from "@/lib/recaps/reply-to-recap-askers";
import { requestRecap } from "@/lib/recaps/request-recap";
import { replyPlacement } from "./reply-depth";

export type PostCommentOptions = {
  db: Database;
  eventSlug: string;
  /** Untrusted input: JSON body or form fields. */
  input: unknown;
  /** The poster's address and browser; `commenterKey` is the key their browser holds (lib/comments/commenter-key.ts). */
  client: { ip: string; userAgent?: string | null; commenterKey?: string };
  /** Present when the comment comes from the HTML form: its honeypot and fill-time token. */
  form?: { honeypot?: string | null; token?: string | null };
  /** Language of the recap e-mails when the commenter asks to be notified. */
  locale?: Locale;
  now?: Date;
};

export type PostedComment = {
  id: string;
  status: CommentStatus;
  asksForRecap: boolean;
  /** Whether a recap notification was requested along with the comment (confirmation e-mail queued or already confirmed). */
  recapRequest: "requested" | "not-requested" | "refused";
  /** The event's recap is already published (the form then links to it rather than promising it). */
  recapPublished: boolean;
};

/**
 * Posts a reader's comment on a published event.
 * Every abuse check runs before the single write, so a refused attempt leaves no trace.
 */
export async function postComment(options: PostCommentOptions): Promise<PostedComment> {
  const { db, eventSlug, input, client, form } = options;
  const now = options.now ?? new Date();

  const parsed = commentInputSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error.issues);
  const comment = parsed.data;

  if (form) {
    if (form.honeypot) throw new AppError("SPAM_SUSPECTED", "spamSuspected");
    const ageSeconds = formTokenAgeSeconds(form.token, eventSlug, now);
    if (ageSeconds === null) throw new AppError("SPAM_SUSPECTED", "formExpired");
    if (ageSeconds < env.COMMENT_MIN_FILL_SECONDS) throw new AppError("SPAM_SUSPECTED", "tooFast");
  }

  const ipHash = hashIp(env.APP_SECRET, client.ip);
  // Trusted only if this browser holds a key a host trusted for this address: an address alone proves nothing.
  const keyHash = client.commenterKey ? commenterKeyHash(client.commenterKey) : null;
  const event = await findEventAndTrust(db, eventSlug, keyHash === null ? null : trustId(keyHash, comment.authorEmail));
  if (!event) throw new AppError("NOT_FOUND", "eventNotFound");

  // A reply goes under the comment it answers, or beside it when that one is at the deepest level shown.
  let placement = { parentId: null as string | null, depth: 0 };
  if (comment.parentId) {
    const parent = await db.comment.findFirst({
      where: { id: comment.parentId, eventId: event.id, status: "APPROVED" },
      select: { id: true, parentId: true, depth: true },
    });
    if (!parent) throw new AppError("INVALID", "invalidFields", { fieldErrors: { parentId: ["parentInvalid"] } });
    placement = replyPlacement(parent);
  }

  await assertWithinCommentRateLimits(db, { ipHash, authorEmail: comment.authorEmail }, now);

  const bodyHash = hashBody(comment.body);
  const decision = decideModeration({
    body: comment.body,
    authorName: comment.authorName,
    authorUrl: comment.authorUrl,
    authorIsKnown: event.authorIsTrusted,
    holdWords: env.MODERATION_HOLD_WORDS,
    rejectWords: env.MODERATION_REJECT_WORDS,
  });

  const { asksForRecap, matched: recapCues } = recogniseRecapRequest(comment.body);
  const recapPublished = event.recapStatus === "PUBLISHED";
  const data = {
    asksForRecap,
    // Kept so hosts see why it was held and why it was flagged (lib/comments/list-moderation-queue.ts).
    ...storeModerationNotes({ reason: decision.reason, recapCues }),
    eventId: event.id,
    ...placement,
    authorName: comment.authorName,
    authorEmail: comment.authorEmail,
    authorUrl: comment.authorUrl ?? null,
    body: comment.body,
    bodyHash,
    // The same comment twice from the same person (same e-mail or same address) is refused by these unique keys.
    ...duplicateKeys({ eventId: event.id, bodyHash, email: comment.authorEmail, ipHash }),
    commenterKeyHash: keyHash,
    status: decision.status,
    createdAt: now,
    ipHash,
    userAgent: client.userAgent?.slice(0, 500) ?? null,
  };
  const select = { id: true, status: true } as const;
  // A held or rejected comment is one insert; a published one also touches its event, in one transaction.
  const saving =
    decision.status !== "APPROVED"
      ? db.comment.create({ data, select })
      : db.$transaction(async (tx) => {
          const saved = await tx.comment.create({ data, select });
          // Published at once, it changes the event's page: every instance's cached copy is now out of date.
          await tx.event.update({ where: { id: event.id }, data: { updatedAt: now }, select: { id: true } });
          // Asking for a recap that is already out, under a publication whose host chose to answer askers.
          if (asksForRecap && recapPublished && event.replyToAskers && event.publishedById) {
            await replyToRecapAskers(tx, {
              eventId: event.id,
              eventSlug: event.slug,
              language: event.language,
              hostId: event.publishedById,
              now,
              commentIds: [saved.id],
            });
          }
          return saved;
        });
  const created = await saving.catch((error: unknown) => {
    if ((error as { code?: string }).code === "P2002") throw new AppError("CONFLICT", "duplicateComment");
    throw error;
  });

  let recapRequest: PostedComment["recapRequest"] = "not-requested";
  if (comment.notifyWhenRecapPublished && created.status !== "REJECTED") {
    // The comment is saved either way; a refused notification request (rate limit) does not undo it.
    recapRequest = await requestRecap({
      db,
      eventSlug,
      input: { email: comment.authorEmail, name: comment.authorName, locale: options.locale },
      client,
      fallbackLocale: options.locale,
      now,
    }).then(
      () => "requested" as const,
      (error: unknown) => {
        if (error instanceof AppError) return "refused" as const;
        throw error;
      },
    );
  }
  return { ...created, asksForRecap, recapRequest, recapPublished };
}

type EventToComment = {
  id: string;
  slug: string;
  language: string;
  recapStatus: string | null;
  replyToAskers: boolean;
  publishedById: string | null;
  authorIsTrusted: boolean;
};

/**
 * The published event a comment is for, with its recap, and whether the poster's browser is trusted for their
 * address (`trustId`, null without a key): one statement, as every comment asks both.
 */
async function findEventAndTrust(db: Database, slug: string, trust: string | null): Promise<EventToComment | null> {
  const rows = await db.$queryRaw<(Omit<EventToComment, "replyToAskers" | "authorIsTrusted"> & { replyToAskers: unknown; authorIsTrusted: unknown })[]>`
    SELECT "Event"."id", "Event"."slug", "Event"."language", "Recap"."status" AS "recapStatus",
      "Recap"."replyToAskers", "Recap"."publishedById",
      EXISTS (SELECT 1 FROM "TrustedCommenter" WHERE "TrustedCommenter"."id" = ${trust}) AS "authorIsTrusted"
    FROM "Event" LEFT JOIN "Recap" ON "Recap"."eventId" = "Event"."id"
    WHERE "Event"."slug" = ${slug} AND "Event"."status" = 'PUBLISHED'`;
  const row = rows[0];
  if (!row) return null;
  // SQLite answers booleans as 0 and 1.
  return { ...row, replyToAskers: Boolean(row.replyToAskers), authorIsTrusted: Boolean(row.authorIsTrusted) };
}
