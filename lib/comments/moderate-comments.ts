import { z } from "zod";
import type { Database, Transaction } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { replyToRecapAskers } from "@/lib/recaps/reply-to-recap-askers";
import { trustId } from "./commenter-key";
import { recordAudits } from "@/lib/audit/record-audit";

export const moderationInputSchema = z.object({
  commentIds: z.array(z.string().min(1).max(40)).min(1, { error: "nothingSelected" }).max(200),
  status: z.enum(["APPROVED", "REJECTED", "SPAM", "PENDING"]),
});

/**
 * Approves, rejects or marks as spam one or more comments; each change and its audit row in one
 * transaction. Approving a comment that asks for a recap already published — by a host who chose to
 * answer askers — posts that host's "the recap is online" reply under it in the same transaction. Approving a
 * comment also trusts the browser it came from for its author's address: their next comments appear at once.
 */
export async function moderateComments(options: { db: Database; actor: Actor | null; input: unknown; now?: Date }) {
  const { db, actor } = options;
  const now = options.now ?? new Date();
  assertCan(actor, "comment:moderate");
  const parsed = moderationInputSchema.safeParse(options.input);
  if (!parsed.success) throw new AppError("INVALID", "nothingSelected");
  const { commentIds, status } = parsed.data;

  return db.$transaction(async (tx) => {
    const comments = await tx.comment.findMany({
      where: { id: { in: commentIds } },
      select: { id: true, status: true, eventId: true, asksForRecap: true, authorEmail: true, commenterKeyHash: true },
    });
    if (comments.length === 0) throw new AppError("NOT_FOUND", "notFound");
    const changed = comments.filter((comment) => comment.status !== status);
    if (changed.length > 0) {
      await tx.comment.updateMany({ where: { id: { in: changed.map((comment) => comment.id) } }, data: { status } });
      // The events' pages changed: their cached copies, on every instance, are now out of date.
      await tx.event.updateMany({ where: { id: { in: [...new Set(changed.map((comment) => comment.eventId))] } }, data: { updatedAt: now } });
      if (status === "APPROVED") {
        await answerRecapAskers(
          tx,
          changed.filter((comment) => comment.asksForRecap),
          now,
        );
        for (const comment of changed) {
          if (!comment.commenterKeyHash) continue;
          const id = trustId(comment.commenterKeyHash, comment.authorEmail);
          await tx.trustedCommenter.upsert({ where: { id }, create: { id, createdAt: now }, update: {}, select: { id: true } });
        }
      }
      await recordAudits(
        tx,
        actor.id,
        changed.map((comment) => ({
          action: "comment.moderate" as const,
          targetType: "Comment" as const,
          targetId: comment.id,
          details: { eventId: comment.eventId, from: comment.status, to: status },
        })),
        now,
      );
    }
    return { changed: changed.length };
  });
}

async function answerRecapAskers(tx: Transaction, askers: { id: string; eventId: string }[], now: Date) {
  for (const eventId of new Set(askers.map((comment) => comment.eventId))) {
    const event = await tx.event.findUnique({
      where: { id: eventId },
      select: { slug: true, language: true, recap: { select: { status: true, replyToAskers: true, publishedById: true } } },
    });
    const recap = event?.recap;
    if (!event || recap?.status !== "PUBLISHED" || !recap.replyToAskers || !recap.publishedById) continue;
    const commentIds = askers.filter((comment) => comment.eventId === eventId).map((comment) => comment.id);
    await replyToRecapAskers(tx, { eventId, eventSlug: event.slug, language: event.language, hostId: recap.publishedById, now, commentIds });
  }
}
