import { env } from "@/lib/env";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/messages";
import { recapEmailKey, type QueuedEmail } from "@/lib/notifications/queue-emails";

/**
 * The outbox row of a recap's e-mail to one requester. Whoever writes it — the publication's fan-out or a
 * late confirmation — writes the same dedupeKey, so each person gets the recap once. The message itself
 * is rendered when it is sent.
 */
export function recapEmailRow(recap: { id: string; eventTitle: string }, request: { id: string; email: string; locale: string }, now: Date): QueuedEmail {
  const locale: Locale = isLocale(request.locale) ? request.locale : env.DEFAULT_LOCALE;
  return {
    kind: "recap-published",
    dedupeKey: recapEmailKey(recap.id, request.id),
    toAddress: request.email,
    locale,
    subject: translatorFor(locale, "emails.recapPublished")("subject", { event: recap.eventTitle }),
    recapId: recap.id,
    recapRequestId: request.id,
    createdAt: now,
    nextAttemptAt: now,
  };
}
