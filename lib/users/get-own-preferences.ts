import type { Database } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";

/** The account page's data. */
export async function getOwnPreferences(options: { db: Database; actor: Actor | null }) {
  assertCan(options.actor, "comment:moderate");
  return options.db.user.findUniqueOrThrow({ where: { id: options.actor.id }, select: { name: true, email: true, locale: true, digestOptOut: true } });
}
