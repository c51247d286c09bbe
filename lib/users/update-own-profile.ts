import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { AppError, invalidInput } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { hashPassword, verifyPassword } from "@/lib/auth/passwords";
import { recordAudit } from "@/lib/audit/record-audit";
import { consume, reset } from "@/lib/security/rate-limits";
import { touchEventsCommentedBy } from "@/lib/events/touch-events-commented-by";
import { displayNameField, emailField, passwordField } from "./user-fields";

const profileInputSchema = z.object({
  name: displayNameField,
  email: emailField,
  /** Required to change the e-mail or the password. */
  currentPassword: z.string({ error: "wrongType" }).max(200).default(""),
  newPassword: z.preprocess((value) => (value === "" ? undefined : value), passwordField.optional()),
});

/**
 * A host changes their public name (what their replies show), their e-mail and their password. Changing the
 * e-mail or the password needs the current password — tried as often as a sign-in (5 per 15 minutes), so a
 * borrowed session cannot guess it — and ends every other session of the account, as a password change should
 * on a device left signed in somewhere. An e-mail another account uses is refused. Audited.
 */
export async function updateOwnProfile(options: { db: Database; actor: Actor | null; input: unknown; currentSessionId?: string; now?: Date }) {
  const { db, actor } = options;
  assertCan(actor, "comment:moderate");
  const parsed = profileInputSchema.safeParse(options.input);
  if (!parsed.success) throw invalidInput(parsed.error.issues);
  const { name, email, currentPassword, newPassword } = parsed.data;
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id }, select: { name: true, email: true, passwordHash: true } });
  const changed = [...(name !== user.name ? ["name"] : []), ...(email !== user.email ? ["email"] : []), ...(newPassword ? ["password"] : [])];
  const credentialsChange = changed.includes("email") || changed.includes("password");
  if (credentialsChange) {
    const limiterKey = `profile|${actor.id}`;
    const tries = await consume(db, "signInPerAccountAndIp", limiterKey);
    if (!tries.allowed) throw new AppError("RATE_LIMITED", "tooManySignInAttempts", { retryAfterSeconds: tries.retryAfterSeconds });
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      throw new AppError("INVALID", "invalidFields", { fieldErrors: { currentPassword: ["currentPasswordWrong"] } });
    }
    await reset(db, "signInPerAccountAndIp", limiterKey);
  }
  if (changed.includes("email") && (await db.user.findUnique({ where: { email }, select: { id: true } }))) {
    throw new AppError("INVALID", "invalidFields", { fieldErrors: { email: ["userExists"] } });
  }
  const passwordHash = newPassword ? await hashPassword(newPassword) : undefined;
  const now = options.now ?? new Date();
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { name, email, ...(passwordHash && { passwordHash }) }, select: { id: true } });
    if (credentialsChange) {
      await tx.session.updateMany({
        where: { userId: actor.id, revokedAt: null, ...(options.currentSessionId && { id: { not: options.currentSessionId } }) },
        data: { revokedAt: now },
      });
    }
    if (changed.includes("name")) await touchEventsCommentedBy(tx, actor.id, now);
    if (changed.length) await recordAudit(tx, actor.id, { action: "user.update-profile", targetType: "User", targetId: actor.id, details: { changed } }, now);
  });
  return { changed };
}
