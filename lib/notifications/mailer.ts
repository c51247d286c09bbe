import nodemailer from "nodemailer";

export type OutgoingMail = {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
};

/** What the SMTP server said, or that no SMTP server is configured and the mail was only stored. */
export type SendResult = { response: string };

export type MailTransport = {
  send(mail: OutgoingMail): Promise<SendResult>;
  close(): void;
};

/**
 * SMTP through nodemailer when `smtpUrl` is set; otherwise a transport that keeps the mail in the
 * database only, so hosts can read it in the dev mailbox and the whole flow works out of the box.
 */
export function createMailTransport(smtpUrl: string | undefined, options: { timeoutSeconds?: number } = {}): MailTransport {
  if (!smtpUrl) {
    return {
      send: async () => ({ response: "stored: no SMTP_URL configured, readable in the dev mailbox" }),
      close: () => {},
    };
  }
  const transporter = nodemailer.createTransport(smtpUrl, {
    pool: true,
    maxConnections: 4,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: (options.timeoutSeconds ?? 30) * 1000,
  } as never);
  return {
    async send(mail) {
      const info = await transporter.sendMail(mail);
      return { response: String(info.response ?? "") };
    },
    close: () => transporter.close(),
  };
}

export type DeliveryFailure = { kind: "retry" | "permanent" | "ambiguous"; message: string };

/**
 * Sorts an SMTP failure: a 5xx answer is final, a 4xx answer or a failed connection is worth retrying,
 * and losing the connection after the message data went out may have delivered it (never resend that).
 */
export function classifyDeliveryError(error: unknown): DeliveryFailure {
  const failure = error as { responseCode?: number; code?: string; command?: string; message?: string };
  const message = `${failure.code ?? "ERROR"}${failure.responseCode ? ` ${failure.responseCode}` : ""}: ${failure.message ?? String(error)}`.slice(0, 1000);
  if (failure.responseCode && failure.responseCode >= 500) return { kind: "permanent", message };
  if (failure.responseCode && failure.responseCode >= 400) return { kind: "retry", message };
  const afterData = failure.command === "DATA" || failure.command === "." || failure.command === "DATA END";
  if (afterData) return { kind: "ambiguous", message };
  return { kind: "retry", message };
}
