import { engineOf, type Database, type Transaction } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

export type QueuedEmail = Prisma.OutboundEmailCreateManyInput;

const CHUNK = 500;

/**
 * Writes e-mails to the outbox, skipping any whose dedupeKey is already there (a second write of the
 * same notification changes nothing). Returns how many were new. Call it inside the transaction of the
 * change that causes the e-mails.
 *
 * PostgreSQL: INSERT … ON CONFLICT DO NOTHING. SQLite (whose Prisma client has no skipDuplicates):
 * the existing keys are read first, which is safe because every transaction holds SQLite's write lock
 * from its start (BEGIN IMMEDIATE, lib/db/client.ts), so no other writer can come in between.
 */
export async function queueEmails(tx: Transaction | Database, emails: QueuedEmail[]): Promise<number> {
  let created = 0;
  for (let index = 0; index < emails.length; index += CHUNK) {
    const chunk = emails.slice(index, index + CHUNK);
    if (engineOf(tx) === "postgresql") {
      const pg = tx.outboundEmail as unknown as { createMany(args: { data: QueuedEmail[]; skipDuplicates: boolean }): Promise<{ count: number }> };
      created += (await pg.createMany({ data: chunk, skipDuplicates: true })).count;
      continue;
    }
    const existing = new Set(
      (await tx.outboundEmail.findMany({ where: { dedupeKey: { in: chunk.map((email) => email.dedupeKey) } }, select: { dedupeKey: true } })).map(
        (row) => row.dedupeKey,
      ),
    );
    const fresh = chunk.filter((email) => !existing.has(email.dedupeKey) && existing.add(email.dedupeKey));
    if (fresh.length > 0) created += (await tx.outboundEmail.createMany({ data: fresh })).count;
  }
  return created;
}

/** The dedupe key of a recap's e-mail to one requester: the same whoever queues it (publication or late confirmation). */
export function recapEmailKey(recapId: string, recapRequestId: string): string {
  return `recap-published:${recapId}:${recapRequestId}`;
}
