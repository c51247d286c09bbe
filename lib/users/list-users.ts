import type { Database } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";

/** The hosts page: every account, and the invitations still waiting. */
export async function listUsers(options: { db: Database; actor: Actor | null; now?: Date }) {
  const { db, actor } = options;
  assertCan(actor, "user:manage");
  const now = options.now ?? new Date();
  const [users, invitations] = await Promise.all([
    db.user.findMany({
      orderBy: [{ role: "asc" }, { name: "asc" }],
      select: { id: true, email: true, name: true, role: true, disabledAt: true, createdAt: true },
    }),
    db.invitation.findMany({
      where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      orderBy: { createdAt: "desc" },
      select: { id: true, email: true, role: true, expiresAt: true },
    }),
  ]);
  return { users, invitations };
}
