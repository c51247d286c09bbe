// Part of `npm run bench`: 100,000 confirmed requesters (BENCH_REQUESTERS), publish, and time the host's
// request, the workers' expansion of the publication into e-mails, and until a local SMTP sink has accepted
// every recap e-mail; reports messages/s and duplicates (must be 0). Before that, the ceiling: the same recap
// e-mail sent to the same sink by nodemailer's pool alone, configured as the worker's, with no database
// (scripts/bench-smtp-ceiling.ts, BENCH_CEILING_MESSAGES of them); the outbox's rate is reported against it.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { SMTPServer } from "smtp-server";
import { benchEngine, createBenchEvent, engineLabel, freshBenchDatabase } from "./bench-database";

const REQUESTERS = Number(process.env.BENCH_REQUESTERS ?? 100_000);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 1);
const CEILING_MESSAGES = Number(process.env.BENCH_CEILING_MESSAGES ?? Math.min(REQUESTERS, 20_000));
const ENGINE = benchEngine();
const RECAP_BODY = "## Le compte rendu\n\nMerci à toutes et tous.";
const EVENT_TITLE = "Fan-out";

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
// What the sink took from the ceiling's sender and from the workers, to check the messages are alike.
const sizes = { ceiling: { messages: 0, bytes: 0 }, outbox: { messages: 0, bytes: 0 } };
const sink = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  // No reverse DNS of the client: this machine has no resolver to ask, and each lookup waits for a timeout.
  disableReverseLookup: true,
  logger: false,
  onData(stream, session, callback) {
    let bytes = 0;
    stream.on("data", (chunk: Buffer) => (bytes += chunk.length));
    stream.on("end", () => {
      const ceiling = session.envelope.rcptTo.every((rcpt) => rcpt.address.startsWith("ceiling"));
      sizes[ceiling ? "ceiling" : "outbox"].messages += 1;
      sizes[ceiling ? "ceiling" : "outbox"].bytes += bytes;
      if (!ceiling) {
        for (const rcpt of session.envelope.rcptTo) received.set(rcpt.address, (received.get(rcpt.address) ?? 0) + 1);
        accepted += 1;
      }
      callback(null);
    });
  },
});
await new Promise<void>((resolve) => sink.listen(0, "127.0.0.1", resolve));
const smtpUrl = `smtp://127.0.0.1:${(sink.server.address() as { port: number }).port}`;

const admin = await createUser({ db, actor: "system", input: { email: "bench@example.org", name: "Bench", password: "bench password 123", role: "ADMIN" } });
const actor = { id: admin.id, role: admin.role };
const event = await createBenchEvent(db, { slug: "fanout", title: EVENT_TITLE });
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
await saveRecap({ db, actor, eventSlug: event.slug, input: { body: RECAP_BODY, links: [] } });

// The ceiling, in its own process as the workers are, before any worker runs.
const ceiling = await new Promise<{ accepted: number; failed: number; elapsedMs: number; cpuMs: number; rssMb: number }>((resolve, reject) => {
  // BENCH_PROFILE=dir: the ceiling's sender writes its CPU profile in dir/ceiling.
  const profile = process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}/ceiling`] : [];
  const child = spawn(process.execPath, [...profile, "--import", "tsx", "scripts/bench-smtp-ceiling.ts"], {
    env: { ...env, SMTP_URL: smtpUrl, BENCH_CEILING_MESSAGES: String(CEILING_MESSAGES), BENCH_RECAP_MARKDOWN: RECAP_BODY, BENCH_EVENT_TITLE: EVENT_TITLE },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk));
  child.on("error", reject);
  child.on("exit", (code) =>
    code === 0 ? resolve(JSON.parse(output.trim().split("\n").pop()!)) : reject(new Error(`the ceiling's sender exited with ${code}`)),
  );
});
const ceilingRate = (ceiling.accepted / ceiling.elapsedMs) * 1000;

// Workers run all the time in production: start them first and wait until they are polling, so the
// figure is the time from the host's click to the last message accepted, not process start-up.
const workers: ChildProcess[] = Array.from({ length: WORKERS }, () =>
  // BENCH_PROFILE=dir: each worker writes a CPU profile there when it exits.
  spawn(
    process.execPath,
    [...(process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []), "--import", "tsx", "scripts/worker.ts"],
    {
      env: { ...env, SMTP_URL: smtpUrl },
      stdio: ["ignore", "pipe", "inherit"],
    },
  ),
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
// CPU time a process has used (user and system), from /proc: the workers' share of the run is what they use from here.
const cpuSeconds = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
};
const workersCpuAtStart = workers.map((worker) => cpuSeconds(worker.pid!));

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
// The workers' resident memory at the end of the run, just before they are stopped (current, and peak).
const memory = workers.map((worker) => {
  const status = readFileSync(`/proc/${worker.pid}/status`, "utf8");
  const megabytes = (field: string) => Math.round(Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0) / 1024);
  return `${megabytes("VmRSS")} MB (peak ${megabytes("VmHWM")})`;
});
const workersCpu = workers.reduce((total, worker, index) => total + cpuSeconds(worker.pid!) - workersCpuAtStart[index], 0);
// Stopped as in production: each finishes the batch in hand (its last outcomes recorded) and exits.
const exited = workers.map((worker) => new Promise((resolve) => (worker.exitCode !== null ? resolve(null) : worker.once("exit", resolve))));
for (const worker of workers) worker.kill("SIGTERM");
await Promise.race([Promise.all(exited), new Promise((resolve) => setTimeout(resolve, 60_000))]);
const duplicates = [...received.values()].filter((count) => count > 1).length;
const unsent = await db.outboundEmail.count({ where: { status: { not: "SENT" } } });
const outboxRate = (accepted / sendMs) * 1000;
const averageSize = (phase: keyof typeof sizes) => Math.round(sizes[phase].bytes / Math.max(1, sizes[phase].messages));

console.log(`
| fan-out (${WORKERS} worker${WORKERS > 1 ? "s" : ""}, running) | requesters | ceiling: nodemailer's pool alone (${ceiling.accepted} messages), msg/s | outbox, msg/s | outbox / ceiling | the host's publish request | all ${notified} e-mails queued (expansion) | the sink accepted all | worker RSS | duplicates | not SENT |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
| ${engineLabel(ENGINE)} | ${REQUESTERS} | ${Math.round(ceilingRate)} | ${Math.round(outboxRate)} | ${Math.round((100 * outboxRate) / ceilingRate)} % | ${Math.round(publishMs)} ms | ${(expandedMs / 1000).toFixed(1)} s | ${(sendMs / 1000).toFixed(1)} s | ${memory.join(", ")} | ${duplicates} | ${unsent} |

Messages as the sink received them: ceiling ${averageSize("ceiling")} bytes on average, outbox ${averageSize("outbox")} bytes. CPU a message: the ceiling's sender ${Math.round((ceiling.cpuMs / ceiling.accepted) * 1000)} µs (its RSS at the end ${ceiling.rssMb} MB), the worker${WORKERS > 1 ? "s" : ""} ${Math.round((workersCpu / Math.max(1, accepted)) * 1e6)} µs (expansion included)${ceiling.failed ? `; ${ceiling.failed} of its sends failed` : ""}.
`);
await db.$disconnect();
sink.close();
process.exit(duplicates === 0 && unsent === 0 && accepted === notified && ceiling.failed === 0 ? 0 : 1);
