import type { Database } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import type { CommentStatus } from "@/lib/generated/prisma/enums";
import { readModerationNotes } from "./moderation-notes";

/**
 * Comments with a given status, newest first, with counts per status for the tabs. Hosts see e-mails here, and why
 * each comment was held or flagged.
 */
export async function listModerationQueue(options: { db: Database; actor: Actor | null; status: CommentStatus; take?: number }) {
  const { db, actor, status, take = 100 } = options;
  assertCan(actor, "comment:moderate");
  const [rows, counts] = await Promise.all([
    db.comment.findMany({
      where: { status },
      orderBy: { createdAt: "desc" },
      take,
      select: {
        id: true,
        authorName: true,
        authorEmail: true,
        authorUrl: true,
        body: true,
        status: true,
        asksForRecap: true,
        recapCues: true,
        moderationReason: true,
        createdAt: true,
        event: { select: { slug: true, title: true, timeZone: true } },
      },
    }),
    db.comment.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  const countByStatus = Object.fromEntries(counts.map((row) => [row.status, row._count._all])) as Partial<Record<CommentStatus, number>>;
  const comments = rows.map(({ moderationReason, recapCues, ...comment }) => ({
    ...comment,
    ...readModerationNotes({ moderationReason, recapCues }),
  }));
  return { comments, countByStatus };
}
