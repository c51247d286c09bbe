import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { AppError, invalidInput } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { getSiteSettings } from "@/lib/settings/site-settings";
import { translatorFor } from "@/lib/i18n/messages";
import { emailField, roleField } from "./user-fields";

export const INVITATION_VALIDITY_DAYS = 7;

const inviteInputSchema = z.object({ email: emailField, role: roleField.default("HOST") });

/**
 * An admin invites someone to host: an invitation valid 7 days, and its e-mail through the outbox (the link,
 * signed, is built when it is sent). Inviting an address that already has an account is refused; inviting it
 * again replaces the previous invitation's link.
 */
export async function inviteHost(options: { db: Database; actor: Actor | null; input: unknown; now?: Date }) {
  const { db, actor } = options;
  assertCan(actor, "user:manage");
  const now = options.now ?? new Date();
  const parsed = inviteInputSchema.safeParse(options.input);
  if (!parsed.success) throw invalidInput(parsed.error.issues);
  const { email, role } = parsed.data;
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) {
    throw new AppError("INVALID", "invalidFields", { fieldErrors: { email: ["userExists"] } });
  }
  const settings = await getSiteSettings(db);
  return db.$transaction(async (tx) => {
    // An earlier invitation to the same address no longer works.
    await tx.invitation.updateMany({ where: { email, acceptedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
    const invitation = await tx.invitation.create({
      data: { email, role, invitedById: actor.id, createdAt: now, expiresAt: new Date(now.getTime() + INVITATION_VALIDITY_DAYS * 86_400_000) },
      select: { id: true },
    });
    await tx.outboundEmail.create({
      data: {
        kind: "host-invitation",
        dedupeKey: `host-invitation:${invitation.id}`,
        toAddress: email,
        locale: settings.defaultLocale,
        subject: translatorFor(settings.defaultLocale, "emails.invitation")("subject", { organisation: settings.organisationName }),
        payload: JSON.stringify({ invitationId: invitation.id }),
        createdAt: now,
        nextAttemptAt: now,
      },
    });
    await recordAudit(tx, actor.id, { action: "user.invite", targetType: "Invitation", targetId: invitation.id, details: { email, role } }, now);
    return invitation;
  });
}
