import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { AppError, invalidInput } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/passwords";
import { recordAudit } from "@/lib/audit/record-audit";
import { invitationIdFromToken } from "./invitation-links";
import { displayNameField, passwordField } from "./user-fields";
import type { Locale } from "@/lib/i18n/locales";
import { getSiteSettings } from "@/lib/settings/site-settings";

const acceptInputSchema = z.object({ name: displayNameField, password: passwordField });

/**
 * The invited host chooses their public name and password: the account is created and the invitation used,
 * in one transaction — a link works once (two tabs at once: one account), and not after 7 days.
 */
export async function acceptInvitation(options: { db: Database; token: unknown; input: unknown; locale?: Locale; now?: Date }) {
  const { db } = options;
  const now = options.now ?? new Date();
  const id = invitationIdFromToken(options.token);
  if (!id) throw new AppError("NOT_FOUND", "invitationInvalid");
  const parsed = acceptInputSchema.safeParse(options.input);
  if (!parsed.success) throw invalidInput(parsed.error.issues);
  const passwordHash = await hashPassword(parsed.data.password);
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({
      where: { id },
      select: { email: true, role: true, acceptedAt: true, revokedAt: true, expiresAt: true },
    });
    if (!invitation) throw new AppError("NOT_FOUND", "invitationInvalid");
    if (invitation.acceptedAt) throw new AppError("INVALID", "invitationUsed");
    if (invitation.revokedAt) throw new AppError("INVALID", "invitationRevoked");
    if (invitation.expiresAt <= now) throw new AppError("INVALID", "invitationExpired");
    // Used, or withdrawn by an admin, since it was read: the guard decides.
    const { count } = await tx.invitation.updateMany({ where: { id, acceptedAt: null, revokedAt: null }, data: { acceptedAt: now } });
    if (count === 0) throw new AppError("INVALID", "invitationUsed");
    if (await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } })) throw new AppError("CONFLICT", "userExists");
    const user = await tx.user.create({
      data: {
        email: invitation.email,
        name: parsed.data.name,
        passwordHash,
        role: invitation.role,
        locale: options.locale ?? (await getSiteSettings(tx)).defaultLocale,
        createdAt: now,
      },
      select: { id: true, email: true, role: true },
    });
    await tx.invitation.update({ where: { id }, data: { userId: user.id }, select: { id: true } });
    await recordAudit(
      tx,
      user.id,
      { action: "user.accept-invitation", targetType: "User", targetId: user.id, details: { email: user.email, role: user.role } },
      now,
    );
    return user;
  });
}
