import type { Database } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { composeEmails, redactCredentials } from "./compose-emails";

/**
 * One e-mail of the dev mailbox, as sent (or, not yet sent, as it would be sent now), always with the
 * credentials in its links redacted: a host can read what a person was sent but never use their
 * confirmation or manage link. Bodies erased by retention are shown as such (null).
 */
export async function readMailboxEmail(options: { db: Database; actor: Actor | null; id: string; now?: Date }) {
  const { db, actor, id } = options;
  assertCan(actor, "mailbox:read");
  const email = await db.outboundEmail.findUnique({
    where: { id },
    select: {
      id: true,
      kind: true,
      toAddress: true,
      locale: true,
      payload: true,
      recapRequestId: true,
      recapId: true,
      userId: true,
      subject: true,
      textBody: true,
      htmlBody: true,
      status: true,
      createdAt: true,
      sentAt: true,
      smtpResponse: true,
      lastError: true,
      attempts: true,
    },
  });
  if (!email) return null;
  const { payload: _payload, recapRequestId: _request, recapId: _recap, userId: _user, ...shown } = email;
  if (email.textBody !== null || email.sentAt) return { ...shown, bodyErased: email.textBody === null };
  const composition = (await composeEmails(db, [email], options.now ?? new Date())).get(email.id)!;
  if ("cancel" in composition) return { ...shown, bodyErased: false, wouldCancel: composition.cancel };
  return { ...shown, textBody: redactCredentials(composition.email.text), htmlBody: redactCredentials(composition.email.html), bodyErased: false };
}
