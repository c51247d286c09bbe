import type { Database } from "@/lib/db/client";
import { invalidInput } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { userPreferencesInputSchema } from "./user-preferences-input";

/** Any signed-in host changes their own e-mail language and digest choice. */
export async function updateOwnPreferences(options: { db: Database; actor: Actor | null; input: unknown }) {
  const { db, actor } = options;
  assertCan(actor, "comment:moderate");
  const parsed = userPreferencesInputSchema.safeParse(options.input);
  if (!parsed.success) throw invalidInput(parsed.error.issues);
  await db.user.update({ where: { id: actor.id }, data: { locale: parsed.data.locale, digestOptOut: !parsed.data.digest }, select: { id: true } });
  return {};
}
