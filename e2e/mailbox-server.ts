// The e2e run's mail server: a real SMTP server (smtp-server) that keeps every message it accepts, one
// JSON line each, in the file named by E2E_MAILBOX, for the specs to read as a person reads their inbox.
import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startSmtpSink } from "../test/smtp-sink";

const file = process.env.E2E_MAILBOX!;
mkdirSync(path.dirname(file), { recursive: true });
writeFileSync(file, "");
await startSmtpSink({
  port: Number(process.env.E2E_SMTP_PORT),
  onMessage: (mail) => appendFileSync(file, `${JSON.stringify({ to: mail.to, subject: mail.subject, text: mail.text, headers: mail.headers })}\n`),
});
console.log(`e2e mailbox listening on ${process.env.E2E_SMTP_PORT}`);
