import type { Database } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError, invalidInput } from "@/lib/errors";
import type { CommentStatus } from "@/lib/generated/prisma/enums";
import { commentInputSchema } from "./comment-input";
import { assertWithinCommentRateLimits } from "./comment-rate-limits";
import { formTokenAgeSeconds } from "./form-token";
import { hashBody, hashIp } from "./hash";
import { decideModeration } from "./moderation-policy";
import type { Locale } from "@/lib/i18n/locales";
import { recogniseRecapRequest } from "@/lib/recaps/recognise-recap-request";
import { requestRecap } from "@/lib/recaps/request-recap";

export type PostCommentOptions = {
  db: Database;
  eventSlug: string;
  /** Untrusted input: JSON body or form fields. */
  input: unknown;
  client: { ip: string; userAgent?: string | null };
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
    const ageSeconds = formTokenAgeSeconds(env.APP_SECRET, form.token, now);
    if (ageSeconds === null) throw new AppError("SPAM_SUSPECTED", "formExpired");
    if (ageSeconds < env.COMMENT_MIN_FILL_SECONDS) throw new AppError("SPAM_SUSPECTED", "tooFast");
  }

  const event = await db.event.findFirst({
    where: { slug: eventSlug, status: "PUBLISHED" },
    select: { id: true },
  });
  if (!event) throw new AppError("NOT_FOUND", "eventNotFound");

  if (comment.parentId) {
    const parent = await db.comment.findFirst({
      where: { id: comment.parentId, eventId: event.id, status: "APPROVED" },
      select: { id: true },
    });
    if (!parent) throw new AppError("INVALID", "invalidFields", { fieldErrors: { parentId: ["parentInvalid"] } });
  }

  const ipHash = hashIp(env.APP_SECRET, client.ip);
  await assertWithinCommentRateLimits(db, { ipHash, authorEmail: comment.authorEmail }, now);

  const bodyHash = hashBody(comment.body);
  const duplicate = await db.comment.findFirst({
    where: {
      eventId: event.id,
      bodyHash,
      OR: [{ authorEmail: comment.authorEmail }, { ipHash }],
    },
    select: { id: true },
  });
  if (duplicate) throw new AppError("CONFLICT", "duplicateComment");

  const authorIsKnown =
    (await db.comment.count({ where: { authorEmail: comment.authorEmail, status: "APPROVED" }, take: 1 })) > 0;
  const decision = decideModeration({
    body: comment.body,
    authorName: comment.authorName,
    authorUrl: comment.authorUrl,
    authorIsKnown,
    holdWords: env.MODERATION_HOLD_WORDS,
    rejectWords: env.MODERATION_REJECT_WORDS,
  });

  const asksForRecap = recogniseRecapRequest(comment.body).asksForRecap;
  const create = db.comment.create({
    data: {
      asksForRecap,
      eventId: event.id,
      parentId: comment.parentId ?? null,
      authorName: comment.authorName,
      authorEmail: comment.authorEmail,
      authorUrl: comment.authorUrl ?? null,
      body: comment.body,
      bodyHash,
      status: decision.status,
      createdAt: now,
      ipHash,
      userAgent: client.userAgent?.slice(0, 500) ?? null,
    },
    select: { id: true, status: true },
  });
  // A comment published at once changes the event's page: marking the event updated in the same
  // transaction makes every instance's cached copy of the page out of date.
  const created =
    decision.status === "APPROVED"
      ? (await db.$transaction([create, db.event.update({ where: { id: event.id }, data: { updatedAt: now }, select: { id: true } })]))[0]
      : await create;

  let recapRequest: PostedComment["recapRequest"] = "not-requested";
  if (comment.notifyWhenRecapPublished && created.status !== "REJECTED") {
    // The comment is saved either way; a refused notification request (rate limit) does not undo it.
    recapRequest = await requestRecap({
      db,
      eventSlug,
      input: { email: comment.authorEmail, name: comment.authorName, locale: options.locale },
      client,
      fallbackLocale: options.locale ?? env.DEFAULT_LOCALE,
      now,
    }).then(
      () => "requested" as const,
      (error: unknown) => {
        if (error instanceof AppError) return "refused" as const;
        throw error;
      },
    );
  }
  return { ...created, asksForRecap, recapRequest };
}
