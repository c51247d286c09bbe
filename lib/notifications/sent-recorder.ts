import { Prisma } from "@/lib/generated/prisma/client";
import { engineOf, type Database } from "@/lib/db/client";
import { STATUS_OF_NAMED_ROWS } from "./outbox-sql";

/** What the server said about one e-mail (of the outbox row `id`, of this `kind`), and what is kept of it. */
export type SentOutcome = { id: string; kind: string; response: string; text: string; html: string };

/**
 * One step of a worker's sending window, in one transaction: the e-mails the server accepted are recorded SENT
 * (with their requesters' `recapSentAt`), and the next claimed rows become SENDING, just before they are handed
 * to SMTP — so a crash from then on is known to be ambiguous. Returns the ids now SENDING.
 *
 * Every write is conditional on this worker still owning the rows (`owner`): a row cancelled meanwhile
 * (withdrawal, unpublication) is no longer CLAIMED and is not started; a row whose lease another worker took
 * over is neither recorded nor started. PostgreSQL: one statement (data-modifying CTEs), one round trip.
 * SQLite: the statements in one transaction of their own, although the process's one connection is shared: a
 * statement made while another part of the worker has a transaction open (the fan-out's expansion) would
 * otherwise be committed, or rolled back, with it.
 */
export async function recordSentAndStart(db: Database, owner: string, sentAt: Date, outcomes: SentOutcome[], next: string[]): Promise<Set<string>> {
  if (outcomes.length === 0 && next.length === 0) return new Set();
  const status = STATUS_OF_NAMED_ROWS;
  const byId = (column: (outcome: SentOutcome) => string) =>
    Prisma.sql`CASE "id" ${Prisma.join(
      outcomes.map((outcome) => Prisma.sql`WHEN ${outcome.id} THEN ${column(outcome)}`),
      " ",
    )} END`;
  const recordSent = () => Prisma.sql`
    UPDATE "OutboundEmail"
    SET "status" = 'SENT', "sentAt" = ${sentAt}, "leaseExpiresAt" = NULL, "lastError" = NULL,
        "smtpResponse" = ${byId((outcome) => outcome.response.slice(0, 1000))},
        "textBody" = ${byId((outcome) => outcome.text)},
        "htmlBody" = ${byId((outcome) => outcome.html)}
    WHERE "id" IN (${Prisma.join(outcomes.map((outcome) => outcome.id))}) AND "leaseOwner" = ${owner} AND ${status} IN ('SENDING', 'AMBIGUOUS')`;
  // A step is retried when its write seemed to fail (outbox-worker.ts, persistently); if the first try was in fact
  // committed (its answer lost), its rows are SENDING already, under this owner, and none of them has been handed
  // to SMTP yet (that happens only after this returns): they are started again, not counted twice, not dropped.
  const start = () => Prisma.sql`
    UPDATE "OutboundEmail"
    SET "status" = 'SENDING', "attempts" = "attempts" + CASE WHEN ${status} = 'CLAIMED' THEN 1 ELSE 0 END
    WHERE "id" IN (${Prisma.join(next)}) AND "leaseOwner" = ${owner} AND ${status} IN ('CLAIMED', 'SENDING')
    RETURNING "id"`;

  if (engineOf(db) === "postgresql") {
    // The requests of the recap e-mails this statement made SENT, as its first part returns them.
    const recorded = () => Prisma.sql`
      WITH "sent" AS (${recordSent()} RETURNING "kind", "recapRequestId"),
      "requests" AS (
        UPDATE "RecapRequest" SET "recapSentAt" = ${sentAt}, "updatedAt" = ${sentAt}
        WHERE "recapSentAt" IS NULL AND "id" IN (SELECT "recapRequestId" FROM "sent" WHERE "kind" = 'recap-published')
      )`;
    if (next.length === 0) {
      await db.$executeRaw`${recorded()} SELECT 1`;
      return new Set();
    }
    const started = await db.$queryRaw<{ id: string }[]>`${outcomes.length > 0 ? recorded() : Prisma.empty} ${start()}`;
    return new Set(started.map((row) => row.id));
  }

  const statements: Prisma.PrismaPromise<unknown>[] = [];
  if (outcomes.length > 0) {
    statements.push(db.$executeRaw`${recordSent()}`);
    // Recap e-mails made SENT by this write mark their requests as sent. Only the primary key can find these rows:
    // with "kind = …" or the status in the subquery, SQLite's planner walked an index over every recap e-mail
    // sent so far, once per write.
    const recapEmails = outcomes.filter((outcome) => outcome.kind === "recap-published");
    if (recapEmails.length > 0) {
      statements.push(db.$executeRaw`
        UPDATE "RecapRequest" SET "recapSentAt" = ${sentAt}, "updatedAt" = ${sentAt}
        WHERE "recapSentAt" IS NULL AND "id" IN (
          SELECT "recapRequestId" FROM "OutboundEmail"
          WHERE "id" IN (${Prisma.join(recapEmails.map((outcome) => outcome.id))}) AND "leaseOwner" = ${owner} AND ${status} = 'SENT'
        )`);
    }
  }
  if (next.length > 0) statements.push(db.$queryRaw<{ id: string }[]>`${start()}`);
  const results = await db.$transaction(statements);
  return new Set(next.length > 0 ? (results[results.length - 1] as { id: string }[]).map((row) => row.id) : []);
}
