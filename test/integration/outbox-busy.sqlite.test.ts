// SQLite only: the database stays locked by another process (a long publication, a backup) longer than the busy
// timeout right after the SMTP server accepted a message. The outcome is recorded once the lock is free; never resent.
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { createDatabase, sqliteFilePath } from "@/lib/db/client";
import { runDueJobs } from "@/lib/jobs/run-worker";
import { createMailTransport } from "@/lib/notifications/mailer";
import { processOutboxOnce } from "@/lib/notifications/outbox-worker";
import { publishRecap } from "@/lib/recaps/publish-recap";
import { saveRecap } from "@/lib/recaps/save-recap";
import { createEvent, createHost, createRecapRequest } from "../factories";
import { startSmtpSink } from "../smtp-sink";

const db = createDatabase();
const from = "Debrief <debrief@example.org>";

async function queuedRecap() {
  const host = await createHost(db);
  const event = await createEvent(db);
  const requests = [await createRecapRequest(db, event.id)];
  await saveRecap({ db, actor: host, eventSlug: event.slug, input: { body: "Le compte rendu." } });
  await publishRecap({ db, actor: host, eventSlug: event.slug });
  await runDueJobs({ db, owner: "test-fanout" });
  return { requests };
}

describe("recording the outcome while SQLite is busy", () => {
  it("SQLite busy while a publication holds the write lock: the outcome is recorded once the lock is free, the message sent once", async () => {
    const { requests } = await queuedRecap();
    const file = sqliteFilePath(process.env.DATABASE_URL!);
    const other = new Database(file, { timeout: 5000 });
    const busySink = await startSmtpSink({
      // As soon as the message is accepted, another process holds the write lock longer than the busy timeout.
      onMessage: () => {
        other.prepare("BEGIN IMMEDIATE").run();
        setTimeout(() => other.prepare("COMMIT").run(), 6500);
      },
    });
    const busyTransport = createMailTransport(busySink.url);
    try {
      await processOutboxOnce({ db, transport: busyTransport, from, workerId: "busy" });
      expect(busySink.received).toHaveLength(1);
      expect(await db.outboundEmail.findFirstOrThrow({ where: { recapRequestId: requests[0].id } })).toMatchObject({ status: "SENT" });
      await processOutboxOnce({ db, transport: busyTransport, from, workerId: "busy" });
      expect(busySink.received).toHaveLength(1);
      expect((await db.recapRequest.findUniqueOrThrow({ where: { id: requests[0].id } })).recapSentAt).not.toBeNull();
    } finally {
      busyTransport.close();
      await busySink.close();
      other.close();
    }
  }, 30_000);
});
