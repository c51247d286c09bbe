// A real SMTP sink and a mail transport to it, shared by the tests of one file.
import { afterAll, beforeEach } from "vitest";
import { createMailTransport } from "@/lib/notifications/mailer";
import { startSmtpSink } from "../smtp-sink";

/**
 * Starts the sink and a transport to it, and closes both once the file's tests have run: call it (awaited) at
 * the top of a test file. With `emptiedBeforeEach`, every test starts with no received mail.
 */
export async function smtpForTests(options: { emptiedBeforeEach?: boolean } = {}) {
  const smtp = await startSmtpSink();
  const transport = createMailTransport(smtp.url);
  if (options.emptiedBeforeEach) {
    beforeEach(() => {
      smtp.received.length = 0;
    });
  }
  afterAll(async () => {
    transport.close();
    await smtp.close();
  });
  return { smtp, transport };
}
