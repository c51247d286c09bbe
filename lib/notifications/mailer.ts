import net from "node:net";
import { Transform } from "node:stream";
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

/**
 * Raised when a send fails; `dataSent` tells whether the whole message had been handed to the
 * connection (then the server may have accepted it although we never heard back).
 */
export type SendError = Error & { dataSent?: boolean; code?: string; responseCode?: number; command?: string };

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
    // The message's data is handed to the connection in one piece, and that moment is marked: after it, the
    // server may have accepted the message (SMTP accepts one only after its final "."), before it, it cannot.
    // One piece rather than the dozen or so nodemailer produces: each is a write on the socket (a packet, with
    // TCP_NODELAY), which cost more CPU than building the message. Our messages are a few kilobytes.
    created.use("stream", (mail, done) => {
      const delivery = (mail.data as { debriefDelivery?: { dataSent: boolean } }).debriefDelivery;
      if (delivery) {
        const chunks: Buffer[] = [];
        mail.message.transform(
          new Transform({
            transform: (chunk: Buffer, _encoding, callback) => {
              chunks.push(chunk);
              callback();
            },
            flush(callback) {
              this.push(Buffer.concat(chunks));
              delivery.dataSent = true;
              callback();
            },
          }),
        );
      }
      done();
    });
    return created;
  };
  let transporter = connect();
  return {
    async send(mail) {
      // nodemailer's pool does not always time out a server that stops answering mid-message,
      // so every send has its own deadline; past it the pooled connections are dropped.
      const delivery = { dataSent: false };
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => {
          transporter.close();
          transporter = connect();
          reject(Object.assign(new Error(`no answer from the SMTP server within ${timeoutMs / 1000} s`), { code: "ESENDTIMEOUT" }));
        }, timeoutMs + 1000);
      });
      try {
        const info = await Promise.race([transporter.sendMail({ ...mail, debriefDelivery: delivery } as nodemailer.SendMailOptions), deadline]);
        return { response: String(info.response ?? "") };
      } catch (error) {
        throw Object.assign(error instanceof Error ? error : new Error(String(error)), { dataSent: delivery.dataSent });
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
 * Sorts an SMTP failure. An answer from the server settles it: 5xx is final, 4xx is worth retrying
 * (the server said it did not take the message). Without an answer, what matters is whether the whole
 * message had gone out: if so the server may have accepted it (ambiguous, never resent automatically);
 * if not — refused or lost connection, a queue that never reached the server — it was not delivered and
 * is retried.
 */
export function classifyDeliveryError(error: unknown): DeliveryFailure {
  const failure = error as SendError;
  const message = `${failure.code ?? "ERROR"}${failure.responseCode ? ` ${failure.responseCode}` : ""}: ${failure.message ?? String(error)}`.slice(0, 1000);
  if (failure.responseCode && failure.responseCode >= 500) return { kind: "permanent", message };
  if (failure.responseCode && failure.responseCode >= 400) return { kind: "retry", message };
  if (failure.dataSent) return { kind: "ambiguous", message };
  return { kind: "retry", message };
}
