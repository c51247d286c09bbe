import type { Database, Transaction } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";

/**
 * An admin withdraws an invitation that was not used yet: its link stops working at once (the invitation page
 * says it was withdrawn), with an audit row. An invitation already used cannot be withdrawn — the account is
 * managed from then on.
 */
export async function revokeInvitation(options: { db: Database; actor: Actor | null; invitationId: string; now?: Date }) {
  const { db, actor, invitationId } = options;
  assertCan(actor, "user:manage");
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({
      where: { id: invitationId },
      select: { id: true, email: true, role: true, acceptedAt: true, revokedAt: true },
    });
    if (!invitation) throw new AppError("NOT_FOUND", "notFound");
    if (invitation.acceptedAt) throw new AppError("INVALID", "invitationUsed");
    const { count } = await tx.invitation.updateMany({ where: { id: invitation.id, acceptedAt: null, revokedAt: null }, data: { revokedAt: now } });
    if (count > 0)
      await recordAudit(
        tx,
        actor.id,
        { action: "user.revoke-invitation", targetType: "Invitation", targetId: invitation.id, details: { email: invitation.email, role: invitation.role } },
        now,
      );
    return { revoked: count > 0 };
  });
}

/**
 * The invitations an admin sent stop working when that admin can no longer vouch for them: disabled, removed
 * or made a host. Returns how many were withdrawn.
 */
export async function revokeInvitationsSentBy(tx: Transaction, userId: string, now: Date): Promise<number> {
  const { count } = await tx.invitation.updateMany({
    where: { invitedById: userId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { revokedAt: now },
  });
  return count;
}
