import { Prisma } from "@/lib/generated/prisma/client";
import type { Database } from "@/lib/db/client";

export type SentOutcome = { id: string; response: string; text: string; html: string };

const MAX_GROUP = 50;

/**
 * Records "the server accepted it" for the e-mails of one claimed batch, by group commit: an outcome waits
 * for the next write, and every outcome that arrived meanwhile goes in that same write (two statements in
 * one transaction, however many e-mails). The sender awaits its own outcome's write before taking another
 * e-mail, so at any moment a worker has at most one unrecorded message per sending lane — what a crash can
 * leave AMBIGUOUS is no more than with one write per e-mail, at a fraction of the writes.
 *
 * Each write is conditional on this worker still owning the rows (`owner`), and sets the requesters'
 * `recapSentAt` for rows it made SENT, in the same transaction. A write that fails is retried
 * (`attempts` times); after that the outcome is reported unrecorded and its row, left SENDING, becomes
 * AMBIGUOUS when its lease runs out — it is never put back in the queue.
 */
export class SentRecorder {
  private queue: { outcome: SentOutcome; done: (recorded: boolean) => void }[] = [];
  private writing = false;

  constructor(
    private readonly db: Database,
    private readonly owner: string,
    private readonly now: () => Date,
    private readonly write: (attempt: () => Promise<unknown>) => Promise<boolean>,
  ) {}

  /** Resolves true once the outcome is recorded, false if it could not be. */
  record(outcome: SentOutcome): Promise<boolean> {
    return new Promise((done) => {
      this.queue.push({ outcome, done });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    while (this.queue.length > 0) {
      const group = this.queue.splice(0, MAX_GROUP);
      const recorded = await this.write(() => this.commit(group.map((item) => item.outcome)));
      for (const item of group) item.done(recorded);
    }
    this.writing = false;
  }

  private commit(outcomes: SentOutcome[]) {
    const sentAt = this.now();
    const ids = Prisma.join(outcomes.map((outcome) => outcome.id));
    const byId = (column: (outcome: SentOutcome) => string) =>
      Prisma.sql`CASE "id" ${Prisma.join(
        outcomes.map((outcome) => Prisma.sql`WHEN ${outcome.id} THEN ${column(outcome)}`),
        " ",
      )} END`;
    return this.db.$transaction([
      this.db.$executeRaw`
        UPDATE "OutboundEmail"
        SET "status" = 'SENT', "sentAt" = ${sentAt}, "leaseExpiresAt" = NULL, "lastError" = NULL,
            "smtpResponse" = ${byId((outcome) => outcome.response.slice(0, 1000))},
            "textBody" = ${byId((outcome) => outcome.text)},
            "htmlBody" = ${byId((outcome) => outcome.html)}
        WHERE "id" IN (${ids}) AND "leaseOwner" = ${this.owner} AND "status" IN ('SENDING', 'AMBIGUOUS')`,
      this.db.$executeRaw`
        UPDATE "RecapRequest" SET "recapSentAt" = ${sentAt}, "updatedAt" = ${sentAt}
        WHERE "recapSentAt" IS NULL AND "id" IN (
          SELECT "recapRequestId" FROM "OutboundEmail"
          WHERE "id" IN (${ids}) AND "kind" = 'recap-published' AND "status" = 'SENT' AND "leaseOwner" = ${this.owner}
        )`,
    ]);
  }
}
