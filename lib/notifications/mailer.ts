import net from "node:net";
import nodemailer from "nodemailer";
import { parseConnectionUrl } from "nodemailer/lib/shared";

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
  const timeoutMs = (options.timeoutSeconds ?? 30) * 1000;
  const connect = () => {
    // Given a URL, nodemailer takes its options from the URL alone (a second argument holds message
    // defaults), so the URL is parsed here and laid over ours: `?maxConnections=5` still wins.
    const created = nodemailer.createTransport({
      pool: true,
      maxConnections: 10,
      maxMessages: 1000,
      // Failing to connect or be greeted happens before any data: safe to retry.
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      // A silent socket is left to our own per-send deadline below (it fires first), whose error is
      // classified as ambiguous: nodemailer's timeout error does not say whether the data had gone out.
      socketTimeout: timeoutMs * 3,
      ...parseConnectionUrl(smtpUrl),
    } as never);
    // Without TCP_NODELAY, the short "." that ends each message waits for the server's delayed ACK;
    // nodemailer opens its sockets with Nagle on, so it is given ours.
    (created as unknown as { getSocket: typeof noDelaySocket }).getSocket = noDelaySocket;
    return created;
  };
  let transporter = connect();
  return {
    async send(mail) {
      // nodemailer's pool does not always time out a server that stops answering mid-message,
      // so every send has its own deadline; past it the pooled connections are dropped.
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => {
          transporter.close();
          transporter = connect();
          reject(Object.assign(new Error(`no answer from the SMTP server within ${timeoutMs / 1000} s`), { code: "ESENDTIMEOUT" }));
        }, timeoutMs + 1000);
      });
      try {
        const info = await Promise.race([transporter.sendMail(mail), deadline]);
        return { response: String(info.response ?? "") };
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => transporter.close(),
  };
}

function noDelaySocket(
  options: { host?: string; port?: number; secure?: boolean },
  callback: (error: Error | null, socketOptions?: { connection: net.Socket }) => void,
) {
  // Implicit TLS (smtps://) keeps nodemailer's own socket.
  if (options.secure) return callback(null);
  const socket = net.connect({ host: options.host, port: options.port ?? 25, noDelay: true });
  socket.once("connect", () => callback(null, { connection: socket }));
  socket.once("error", (error) => callback(error));
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
  // Our own deadline cannot tell whether the data had gone out: treat it as possibly delivered.
  const afterData = failure.code === "ESENDTIMEOUT" || failure.command === "DATA" || failure.command === "." || failure.command === "DATA END";
  if (afterData) return { kind: "ambiguous", message };
  return { kind: "retry", message };
}
