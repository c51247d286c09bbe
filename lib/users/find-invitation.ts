import type { Database } from "@/lib/db/client";
import { invitationIdFromToken } from "./invitation-links";

/** What the invitation page shows: for whom, and whether the link still works (or was used, withdrawn or expired). */
export async function findInvitation(options: { db: Database; token: unknown; now?: Date }) {
  const id = invitationIdFromToken(options.token);
  if (!id) return { state: "invalid" as const };
  const invitation = await options.db.invitation.findUnique({
    where: { id },
    select: { email: true, role: true, acceptedAt: true, revokedAt: true, expiresAt: true },
  });
  if (!invitation) return { state: "invalid" as const };
  if (invitation.acceptedAt) return { state: "used" as const, email: invitation.email };
  if (invitation.revokedAt) return { state: "revoked" as const, email: invitation.email };
  if (invitation.expiresAt <= (options.now ?? new Date())) return { state: "expired" as const, email: invitation.email };
  return { state: "valid" as const, email: invitation.email, role: invitation.role };
}
