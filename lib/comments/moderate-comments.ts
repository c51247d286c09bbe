import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/auth/permissions";

export const moderationInputSchema = z.object({
  commentIds: z.array(z.string().min(1).max(40)).min(1, { error: "nothingSelected" }).max(200),
  status: z.enum(["APPROVED", "REJECTED", "SPAM", "PENDING"]),
});

/** Approves, rejects or marks as spam one or more comments; each change and its audit row in one transaction. */
export async function moderateComments(options: { db: Database; actor: Actor | null; input: unknown }) {
  const { db, actor } = options;
  assertCan(actor, "comment:moderate");
  const parsed = moderationInputSchema.safeParse(options.input);
  if (!parsed.success) throw new AppError("INVALID", "nothingSelected");
  const { commentIds, status } = parsed.data;

  return db.$transaction(async (tx) => {
    const comments = await tx.comment.findMany({ where: { id: { in: commentIds } }, select: { id: true, status: true, eventId: true } });
    if (comments.length === 0) throw new AppError("NOT_FOUND", "notFound");
    const changed = comments.filter((comment) => comment.status !== status);
    if (changed.length > 0) {
      await tx.comment.updateMany({ where: { id: { in: changed.map((comment) => comment.id) } }, data: { status } });
      // The events' pages changed: their cached copies, on every instance, are now out of date.
      await tx.event.updateMany({ where: { id: { in: [...new Set(changed.map((comment) => comment.eventId))] } }, data: { updatedAt: new Date() } });
      await tx.auditLog.createMany({
        data: changed.map((comment) => ({
          actorId: actor.id,
          action: `comment.${status.toLowerCase()}`,
          targetType: "Comment",
          targetId: comment.id,
          details: JSON.stringify({ from: comment.status, to: status }),
        })),
      });
    }
    return { changed: changed.length };
  });
}
