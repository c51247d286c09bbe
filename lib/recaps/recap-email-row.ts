import type { Transaction } from "@/lib/db/client";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { isLocale, locales, type Locale } from "@/lib/i18n/locales";
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
    subject: recapEmailSubject(locale, recap.eventTitle),
    recapId: recap.id,
    recapRequestId: request.id,
    createdAt: now,
    nextAttemptAt: now,
  };
}

function recapEmailSubject(locale: Locale, eventTitle: string): string {
  return translatorFor(locale, "emails.recapPublished")("subject", { event: eventTitle });
}

/**
 * The same rows as `recapEmailRow`, for every request `requests` selects (a query on "RecapRequest" returning its
 * "id"), written by the database in one INSERT … SELECT: the fan-out's batches cost one statement, not one
 * object per requester through the client. Rows already there (same dedupeKey) are skipped. Ids are 25
 * characters of [a-z0-9], like the client's cuids, from the database's own random source. Returns how many are new.
 */
export async function queueRecapEmails(
  tx: Transaction,
  recap: { id: string; eventTitle: string },
  requests: Prisma.Sql,
  now: Date,
  engine: "sqlite" | "postgresql",
): Promise<number> {
  const id =
    engine === "postgresql" ? Prisma.sql`'c' || substr(replace(gen_random_uuid()::text, '-', ''), 1, 24)` : Prisma.sql`'c' || lower(hex(randomblob(12)))`;
  const locale = Prisma.sql`CASE WHEN "locale" IN (${Prisma.join([...locales])}) THEN "locale" ELSE CAST(${env.DEFAULT_LOCALE} AS TEXT) END`;
  const subject = Prisma.sql`CASE ${locale} ${Prisma.join(
    locales.map((each) => Prisma.sql`WHEN ${each} THEN CAST(${recapEmailSubject(each, recap.eventTitle)} AS TEXT)`),
    " ",
  )} END`;
  return tx.$executeRaw`
    INSERT INTO "OutboundEmail" ("id", "kind", "dedupeKey", "toAddress", "locale", "subject", "recapId", "recapRequestId", "createdAt", "nextAttemptAt")
    SELECT ${id}, 'recap-published', CAST(${recapEmailKey(recap.id, "")} AS TEXT) || "id", "email", ${locale}, ${subject}, ${recap.id}, "id", ${now}, ${now}
    FROM "RecapRequest" WHERE "id" IN (${requests})
    ON CONFLICT ("dedupeKey") DO NOTHING`;
}
