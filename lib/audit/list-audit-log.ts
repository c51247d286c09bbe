import { z } from "zod";
import type { Database } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";

const filtersSchema = z.object({
  actorId: z.string().max(40).optional().catch(undefined),
  action: z
    .string()
    .max(60)
    .regex(/^[a-z.-]+$/)
    .optional()
    .catch(undefined),
  eventId: z.string().max(40).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export const AUDIT_PAGE_SIZE = 50;

/**
 * The audit page: who did what, newest first, filtered by person, action and event (an event's own rows, and
 * its recap's and comments' rows, which record the event). Admins only. Unknown filters are ignored.
 */
export async function listAuditLog(options: { db: Database; actor: Actor | null; filters: unknown }) {
  const { db, actor } = options;
  assertCan(actor, "audit:read");
  const filters = filtersSchema.parse(options.filters ?? {});
  const where: Prisma.AuditLogWhereInput = {
    ...(filters.actorId && { actorId: filters.actorId }),
    ...(filters.action && { action: filters.action }),
    ...(filters.eventId && { OR: [{ targetType: "Event", targetId: filters.eventId }, { details: { contains: `"eventId":"${filters.eventId}"` } }] }),
  };
  const [rows, total, people, actions, events] = await Promise.all([
    db.auditLog.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (filters.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: {
        id: true,
        action: true,
        targetType: true,
        targetId: true,
        details: true,
        createdAt: true,
        actorName: true,
        actor: { select: { id: true, name: true } },
      },
    }),
    db.auditLog.count({ where }),
    db.user.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.auditLog.groupBy({ by: ["action"], orderBy: { action: "asc" } }),
    db.event.findMany({ orderBy: { startsAt: "desc" }, take: 200, select: { id: true, title: true } }),
  ]);
  return {
    rows: rows.map((row) => ({ ...row, details: JSON.parse(row.details || "{}") as Record<string, unknown> })),
    total,
    page: filters.page,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    filters,
    choices: { people, actions: actions.map((row) => row.action), events },
  };
}
