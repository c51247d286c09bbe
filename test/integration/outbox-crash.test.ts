import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { createDatabase } from "@/lib/db/client";
import { OUTBOX_POLICY } from "@/lib/notifications/outbox-worker";
import { publishRecap } from "@/lib/recaps/publish-recap";
import { saveRecap } from "@/lib/recaps/save-recap";
import { createUser } from "@/lib/users/create-user";
import { createEvent } from "../factories";
import { startSmtpSink } from "../smtp-sink";

const db = createDatabase();
const REQUESTERS = 60;
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill("SIGKILL");
});

function startWorker(smtpUrl: string): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    env: { ...process.env, SMTP_URL: smtpUrl, OUTBOX_LEASE_SECONDS: "2", MAIL_FROM: "Debrief <debrief@example.org>" },
    stdio: "ignore",
  });
  children.push(child);
  return child;
}

async function waitFor(condition: () => Promise<boolean> | boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("timed out");
}

describe("the outbox worker killed mid-batch", () => {
  it("loses nothing and sends nothing twice once another worker takes over", async () => {
    const smtp = await startSmtpSink({ delayMs: 40 });
    const admin = await createUser({ db, actor: "system", input: { email: "admin@example.org", name: "Admin", password: "a long enough password", role: "ADMIN" } });
    const event = await createEvent(db);
    await db.recapRequest.createMany({
      data: Array.from({ length: REQUESTERS }, (_, index) => ({
        eventId: event.id,
        email: `attente${index}@example.org`,
        locale: "fr",
        status: "CONFIRMED" as const,
        confirmTokenExpiresAt: new Date(Date.now() + 86_400_000),
        consentAt: new Date(),
        consentIpHash: "test",
        consentWordingVersion: "test",
        lastConfirmationSentAt: new Date(),
        confirmedAt: new Date(),
      })),
    });
    const actor = { id: admin.id, role: admin.role };
    await saveRecap({ db, actor, eventSlug: event.slug, input: { body: "Le compte rendu." } });
    expect((await publishRecap({ db, actor, eventSlug: event.slug })).notified).toBe(REQUESTERS);

    const first = startWorker(smtp.url);
    await waitFor(() => smtp.received.length >= 15, 60_000);
    // The worker process itself dies (it runs as `node --import tsx`, no wrapper process in between).
    const exited = new Promise((resolve) => first.once("exit", (_code, signal) => resolve(signal)));
    first.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");
    const receivedAtKill = smtp.received.length;
    expect(receivedAtKill).toBeLessThan(REQUESTERS);

    startWorker(smtp.url);
    await waitFor(async () => (await db.outboundEmail.count({ where: { status: { in: ["PENDING", "CLAIMED", "SENDING"] } } })) === 0, 90_000);

    const rows = await db.outboundEmail.findMany({ select: { toAddress: true, status: true } });
    const countByAddress = new Map<string, number>();
    for (const mail of smtp.received) for (const to of mail.to) countByAddress.set(to, (countByAddress.get(to) ?? 0) + 1);

    // Nobody received the recap twice.
    expect([...countByAddress.values()].every((count) => count === 1)).toBe(true);
    // Every row ended SENT, except those cut off mid-send, which are AMBIGUOUS and not resent.
    expect(rows.every((row) => row.status === "SENT" || row.status === "AMBIGUOUS")).toBe(true);
    for (const row of rows.filter((row) => row.status === "SENT")) expect(countByAddress.get(row.toAddress)).toBe(1);
    // None lost: whoever did not receive it is recorded as ambiguous, for a host to decide.
    const ambiguous = rows.filter((row) => row.status === "AMBIGUOUS");
    // Only messages being handed over at the moment of the kill: at most one per sending lane.
    expect(ambiguous.length).toBeLessThanOrEqual(OUTBOX_POLICY.concurrency);
    for (const row of rows.filter((row) => !countByAddress.has(row.toAddress))) expect(row.status).toBe("AMBIGUOUS");
    await smtp.close();
  }, 180_000);
});
