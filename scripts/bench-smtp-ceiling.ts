// Part of `scripts/bench-fanout.ts`: the raw SMTP ceiling. Sends BENCH_CEILING_MESSAGES recap e-mails to SMTP_URL
// through nodemailer's pool as the worker's SMTP thread holds it (createMailTransport, configured as scripts/worker.ts
// configures it), in one thread, with no database: one message rendered per language by the project's own template,
// only the recipient changing.
// Prints one JSON line: how many were accepted, the time from the first send to the last answer, the CPU used.
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";
import { createMailTransport } from "@/lib/notifications/mailer";
import { OUTBOX_POLICY } from "@/lib/notifications/outbox-worker";
import { recapPublishedEmail } from "@/lib/notifications/templates/recap-published";
import { DEFAULT_BRAND } from "@/lib/notifications/templates/render-email";
import { manageUrl, unsubscribeUrl } from "@/lib/recaps/recap-request-links";
import { senderFor } from "@/lib/settings/site-settings";

const MESSAGES = Number(process.env.BENCH_CEILING_MESSAGES ?? 10_000);
/** Sends in flight at once: as many as the worker keeps (its sending lanes), so the pool sees the same load. */
const IN_FLIGHT = Number(process.env.BENCH_CEILING_IN_FLIGHT ?? OUTBOX_POLICY.concurrency);
const RECAP_MARKDOWN = process.env.BENCH_RECAP_MARKDOWN ?? "";
const EVENT_TITLE = process.env.BENCH_EVENT_TITLE ?? "Fan-out";

// The e-mail a requester of the bench's event receives, as lib/notifications/compose-emails.ts builds it with the
// default settings; a request id of the same length as a real one, so the signed links are the same size.
const site = env.SITE_URL;
const requestId = "c".repeat(25);
const messageFor = (locale: Locale) => {
  const mail = recapPublishedEmail({
    locale,
    brand: DEFAULT_BRAND,
    eventTitle: EVENT_TITLE,
    recapUrl: `${site}/events/fanout#recap`,
    recapMarkdown: RECAP_MARKDOWN,
    links: [],
    manageUrl: manageUrl(requestId, site),
  });
  return { ...mail, headers: { "List-Unsubscribe": `<${unsubscribeUrl(requestId, site)}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } };
};
const messages = { fr: messageFor("fr"), en: messageFor("en") };
const from = senderFor({ organisationName: DEFAULT_BRAND.organisationName }, env.MAIL_FROM);

const transport = createMailTransport(env.SMTP_URL, { timeoutSeconds: env.SMTP_TIMEOUT_SECONDS });
const cpuStart = process.cpuUsage();
const start = performance.now();
let next = 0;
let accepted = 0;
let failed = 0;
const lane = async () => {
  while (next < MESSAGES) {
    const index = next++;
    // The bench's requesters: one in three writes in English.
    const message = index % 3 === 0 ? messages.en : messages.fr;
    try {
      await transport.send({ from, to: `ceiling${index}@example.org`, ...message });
      accepted++;
    } catch (error) {
      failed++;
      if (failed === 1) console.error("Ceiling: a send failed:", error);
    }
  }
};
await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, MESSAGES) }, lane));
const elapsedMs = performance.now() - start;
const cpu = process.cpuUsage(cpuStart);
transport.close();
console.log(JSON.stringify({ accepted, failed, elapsedMs, cpuMs: (cpu.user + cpu.system) / 1000, rssMb: Math.round(process.memoryUsage().rss / 2 ** 20) }));
process.exit(0);
