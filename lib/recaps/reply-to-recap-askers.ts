import { engineOf, type Transaction } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { getSiteSettings } from "@/lib/settings/site-settings";
import { hashBody } from "@/lib/comments/hash";
import { replyPlacement } from "@/lib/comments/reply-depth";
import { isLocale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/messages";

/**
 * The host's "the recap is online: <link>" reply, in the event's language, under each approved comment
 * that asked for the recap and has none yet (all of the event's, or only `commentIds`). Once per comment,
 * ever: `noticeForCommentId` is unique. Returns how many replies were posted.
 */
export async function replyToRecapAskers(
  tx: Transaction,
  options: { eventId: string; eventSlug: string; language: string; hostId: string; now: Date; commentIds?: string[] },
): Promise<number> {
  const host = await tx.user.findUnique({ where: { id: options.hostId }, select: { name: true, email: true } });
  if (!host) return 0;
  const asking = await tx.comment.findMany({
    where: {
      eventId: options.eventId,
      status: "APPROVED",
      asksForRecap: true,
      isRecapNotice: false,
      recapNotice: { is: null },
      ...(options.commentIds && { id: { in: options.commentIds } }),
    },
    select: { id: true, parentId: true, depth: true },
  });
  if (asking.length === 0) return 0;
  const t = translatorFor(isLocale(options.language) ? options.language : env.DEFAULT_LOCALE);
  const { publicUrl } = await getSiteSettings(tx);
  const body = t("recaps.hostReply", { url: `${publicUrl}/events/${options.eventSlug}#recap` });
  const replies: Prisma.CommentCreateManyInput[] = asking.map((comment) => ({
    eventId: options.eventId,
    ...replyPlacement(comment),
    noticeForCommentId: comment.id,
    authorName: host.name,
    authorEmail: host.email,
    authorUserId: options.hostId,
    body,
    bodyHash: hashBody(body),
    status: "APPROVED" as const,
    isRecapNotice: true,
    ipHash: "host",
    createdAt: options.now,
  }));
  // PostgreSQL: a concurrent transaction may answer the same comment first; the unique key then skips it.
  // SQLite transactions hold the write lock from their start, so the read above is still true.
  if (engineOf(tx) === "postgresql") {
    const pg = tx.comment as unknown as { createMany(args: { data: Prisma.CommentCreateManyInput[]; skipDuplicates: boolean }): Promise<{ count: number }> };
    return (await pg.createMany({ data: replies, skipDuplicates: true })).count;
  }
  return (await tx.comment.createMany({ data: replies })).count;
}
