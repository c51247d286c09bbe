// Part of `npm run bench`: 100,000 confirmed requesters (BENCH_REQUESTERS), publish, and time the host's
// request, the workers' expansion of the publication into e-mails, and until a local SMTP sink has accepted
// every recap e-mail; reports messages/s and duplicates (must be 0).
import { spawn, type ChildProcess } from "node:child_process";
import { SMTPServer } from "smtp-server";
import { benchEngine, engineLabel, freshBenchDatabase } from "./bench-database";

const REQUESTERS = Number(process.env.BENCH_REQUESTERS ?? 100_000);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 1);
const ENGINE = benchEngine();

process.chdir(new URL("..", import.meta.url).pathname);
const DATABASE_URL = await freshBenchDatabase("bench-fanout", ENGINE);
const env = { ...process.env, DATABASE_URL, APP_SECRET: "bench-secret-0123456789abcdef" };
Object.assign(process.env, env);
const { createDatabase } = await import("@/lib/db/client");
const { createUser } = await import("@/lib/users/create-user");
const { saveRecap } = await import("@/lib/recaps/save-recap");
const { publishRecap } = await import("@/lib/recaps/publish-recap");
const db = createDatabase(DATABASE_URL);

const received = new Map<string, number>();
let accepted = 0;
const sink = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  // No reverse DNS of the client: this machine has no resolver to ask, and each lookup waits for a timeout.
  disableReverseLookup: true,
  logger: false,
  onData(stream, session, callback) {
    stream.on("data", () => {});
    stream.on("end", () => {
      for (const rcpt of session.envelope.rcptTo) received.set(rcpt.address, (received.get(rcpt.address) ?? 0) + 1);
      accepted += 1;
      callback(null);
    });
  },
});
await new Promise<void>((resolve) => sink.listen(0, "127.0.0.1", resolve));
const smtpUrl = `smtp://127.0.0.1:${(sink.server.address() as { port: number }).port}`;

const admin = await createUser({ db, actor: "system", input: { email: "bench@example.org", name: "Bench", password: "bench password 123", role: "ADMIN" } });
const actor = { id: admin.id, role: admin.role };
const event = await db.event.create({
  data: {
    slug: "fanout",
    title: "Fan-out",
    startsAt: new Date(),
    endsAt: new Date(),
    timeZone: "Europe/Paris",
    venueName: "-",
    venueAddress: "-",
    hostNames: "-",
    summary: "-",
    topic: "-",
    status: "PUBLISHED",
  },
});
for (let start = 0; start < REQUESTERS; start += 1000) {
  await db.recapRequest.createMany({
    data: Array.from({ length: Math.min(1000, REQUESTERS - start) }, (_, offset) => ({
      eventId: event.id,
      email: `requester${start + offset}@example.org`,
      locale: (start + offset) % 3 === 0 ? "en" : "fr",
      status: "CONFIRMED" as const,
      confirmTokenExpiresAt: new Date(Date.now() + 86_400_000),
      consentAt: new Date(),
      consentIpHash: "bench",
      consentWordingVersion: "bench",
      lastConfirmationSentAt: new Date(),
      confirmedAt: new Date(),
    })),
  });
}
await saveRecap({ db, actor, eventSlug: event.slug, input: { body: "## Le compte rendu\n\nMerci à toutes et tous.", links: [] } });

// Workers run all the time in production: start them first and wait until they are polling, so the
// figure is the time from the host's click to the last message accepted, not process start-up.
const workers: ChildProcess[] = Array.from({ length: WORKERS }, () =>
  // BENCH_PROFILE=dir: each worker writes a CPU profile there when it exits.
  spawn(process.execPath, [...(process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []), "--import", "tsx", "scripts/worker.ts"], {
    env: { ...env, SMTP_URL: smtpUrl },
    stdio: ["ignore", "pipe", "inherit"],
  }),
);
await Promise.all(
  workers.map(
    (worker) =>
      new Promise<void>((resolve) => {
        worker.stdout!.on("data", (chunk: Buffer) => {
          if (String(chunk).includes("Worker:")) resolve();
        });
      }),
  ),
);

const publishStart = performance.now();
const { notified } = await publishRecap({ db, actor, eventSlug: event.slug });
const publishMs = performance.now() - publishStart;

// Sending starts as soon as the workers have expanded the first batch of the publication's fan-out job.
const sendStart = performance.now();
let expandedMs = 0;
while (accepted < notified) {
  await new Promise((resolve) => setTimeout(resolve, 100));
  if (!expandedMs && (await db.job.count({ where: { kind: "recap-fanout", status: "DONE" } })) === 1) expandedMs = performance.now() - sendStart;
  if (performance.now() - sendStart > 1_200_000) break;
}
const sendMs = performance.now() - sendStart;
if (!expandedMs) expandedMs = sendMs;
for (const worker of workers) worker.kill("SIGTERM");
const duplicates = [...received.values()].filter((count) => count > 1).length;
const unsent = await db.outboundEmail.count({ where: { status: { not: "SENT" } } });

console.log(`
| fan-out (${WORKERS} worker${WORKERS > 1 ? "s" : ""}, running) | requesters | the host's publish request | all ${notified} e-mails queued (expansion) | the sink accepted all | messages/s | duplicates | not SENT |
|---|---:|---:|---:|---:|---:|---:|---:|
| ${engineLabel(ENGINE)} | ${REQUESTERS} | ${Math.round(publishMs)} ms | ${(expandedMs / 1000).toFixed(1)} s | ${(sendMs / 1000).toFixed(1)} s | ${Math.round((accepted / sendMs) * 1000)} | ${duplicates} | ${unsent} |
`);
await db.$disconnect();
sink.close();
process.exit(duplicates === 0 && accepted === notified ? 0 : 1);
