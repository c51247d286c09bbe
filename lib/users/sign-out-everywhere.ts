import type { Database } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { revokeAllSessions } from "@/lib/auth/sessions";
import { recordAudit } from "@/lib/audit/record-audit";

/** "Sign out everywhere": every session of the signed-in host ends, this one included; audited. */
export async function signOutEverywhere(options: { db: Database; actor: Actor | null; now?: Date }) {
  const { db, actor } = options;
  assertCan(actor, "comment:moderate");
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    const ended = await revokeAllSessions(tx, actor.id, now);
    await recordAudit(tx, actor.id, { action: "user.sign-out-everywhere", targetType: "User", targetId: actor.id, details: { sessions: ended } }, now);
    return { ended };
  });
}
