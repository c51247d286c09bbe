import { engineOf, type Database, type Transaction } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { revokeAllSessions } from "@/lib/auth/sessions";
import { recordAudit } from "@/lib/audit/record-audit";
import { touchEventsCommentedBy } from "@/lib/events/touch-events-commented-by";
import { revokeInvitationsSentBy } from "./revoke-invitation";

export const ACCOUNT_ACTIONS = ["disable", "enable", "remove", "make-admin", "make-host"] as const;
export type AccountAction = (typeof ACCOUNT_ACTIONS)[number];

/**
 * An admin disables, re-enables, removes an account or changes its role — in one transaction with its audit
 * row; disabling and removing end the person's sessions at once. The site always keeps one active admin: the
 * last one can be neither disabled, removed nor made a host, by anyone. Invitations the person sent stop working
 * when they lose the right to send them; a removed person's name stays on what they did in the audit log.
 */
export async function actOnAccount(options: { db: Database; actor: Actor | null; userId: string; action: AccountAction; now?: Date }) {
  const { db, actor, userId, action } = options;
  assertCan(actor, "user:manage");
  if (!(ACCOUNT_ACTIONS as readonly string[]).includes(action)) throw new AppError("INVALID", "notFound");
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, role: true } });
    if (!user) throw new AppError("NOT_FOUND", "notFound");
    if (user.role === "ADMIN" && (action === "disable" || action === "remove" || action === "make-host")) await assertAnotherActiveAdmin(tx, user.id);
    const audit = (event: Parameters<typeof recordAudit>[2]) => recordAudit(tx, actor.id, event, now);
    const withdrawn =
      action === "disable" || action === "remove" || (action === "make-host" && user.role === "ADMIN") ? await revokeInvitationsSentBy(tx, user.id, now) : 0;
    if (action === "disable") {
      await tx.user.update({ where: { id: user.id }, data: { disabledAt: now }, select: { id: true } });
      await revokeAllSessions(tx, user.id, now);
      await audit({
        action: "user.disable",
        targetType: "User",
        targetId: user.id,
        details: { email: user.email, ...(withdrawn > 0 && { invitationsWithdrawn: withdrawn }) },
      });
    } else if (action === "enable") {
      await tx.user.update({ where: { id: user.id }, data: { disabledAt: null }, select: { id: true } });
      await audit({ action: "user.enable", targetType: "User", targetId: user.id, details: { email: user.email } });
    } else if (action === "remove") {
      await audit({
        action: "user.remove",
        targetType: "User",
        targetId: user.id,
        details: { email: user.email, ...(withdrawn > 0 && { invitationsWithdrawn: withdrawn }) },
      });
      await tx.auditLog.updateMany({ where: { actorId: user.id }, data: { actorName: user.name } });
      // Their replies stay, under their public name; their sessions go with the account.
      await touchEventsCommentedBy(tx, user.id, now);
      await tx.user.delete({ where: { id: user.id }, select: { id: true } });
    } else {
      const role = action === "make-admin" ? "ADMIN" : "HOST";
      if (role !== user.role) {
        await tx.user.update({ where: { id: user.id }, data: { role }, select: { id: true } });
        await audit({
          action: "user.change-role",
          targetType: "User",
          targetId: user.id,
          details: { email: user.email, from: user.role, to: role, ...(withdrawn > 0 && { invitationsWithdrawn: withdrawn }) },
        });
      }
    }
    return { action };
  });
}

async function assertAnotherActiveAdmin(tx: Transaction, userId: string): Promise<void> {
  // Two admins disabling each other at once: on PostgreSQL both transactions would count the other as still
  // active. Locking the active admins' rows makes the second wait and then count again. (SQLite transactions
  // here hold the write lock from their start.)
  if (engineOf(tx) === "postgresql") await tx.$queryRaw`SELECT id FROM "User" WHERE role = 'ADMIN' AND "disabledAt" IS NULL FOR UPDATE`;
  const others = await tx.user.count({ where: { role: "ADMIN", disabledAt: null, id: { not: userId } } });
  if (others === 0) throw new AppError("INVALID", "lastAdmin");
}
