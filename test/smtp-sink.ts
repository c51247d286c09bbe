import { SMTPServer, type SMTPServerOptions } from "smtp-server";

export type ReceivedMail = {
  from: string;
  to: string[];
  raw: string;
  /** The header block with folded lines joined, one header a line. */
  headers: string;
  subject: string;
  text: string;
  /** The name the sending client gave in EHLO (nodemailer's `name`, e.g. `smtp://host:port?name=worker-a`). */
  clientName: string;
  /** The SMTP session (one per TCP connection) that carried the message. */
  sessionId: string;
};

/**
 * A real SMTP server in the test process (the `smtp-server` package). `rejectNext` makes it answer
 * the next RCPT TO commands with a given SMTP error, to exercise retries and failures.
 */
export async function startSmtpSink(
  sinkOptions: { delayMs?: number; neverAnswerData?: boolean; port?: number; onMessage?: (mail: ReceivedMail) => void | Promise<void> } = {},
) {
  const received: ReceivedMail[] = [];
  const rejections: { code: number; message: string }[] = [];
  const options: SMTPServerOptions = {
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    // No reverse DNS of the client: this machine has no resolver to ask, and each lookup waits for a timeout.
    disableReverseLookup: true,
    logger: false,
    // Senders keep pooled connections open; closing the sink ends them after a second, not 30.
    closeTimeout: 1000,
    onRcptTo(_address, _session, callback) {
      const rejection = rejections.shift();
      if (rejection) return callback(Object.assign(new Error(rejection.message), { responseCode: rejection.code }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", async () => {
        // Accepts the data but never says so: the sender cannot know whether the message was delivered.
        if (sinkOptions.neverAnswerData) return;
        if (sinkOptions.delayMs) await new Promise((resolve) => setTimeout(resolve, sinkOptions.delayMs));
        // Killed while this message was waiting for its answer: it was never accepted.
        if (crashed) return;
        const raw = Buffer.concat(chunks).toString("utf8");
        const mail: ReceivedMail = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw,
          headers: raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, " "),
          subject: decodeSubject(raw),
          text: decodeQuotedPrintable(raw),
          clientName: session.hostNameAppearsAs,
          sessionId: session.id,
        };
        received.push(mail);
        await sinkOptions.onMessage?.(mail);
        callback(null);
      });
    },
  };
  let crashed = false;
  const sockets = new Set<import("node:net").Socket>();
  const listen = async (port: number) => {
    const server = new SMTPServer(options);
    // A client killed mid-session resets its connection; a real server logs that and carries on.
    server.on("error", () => {});
    server.server.on("connection", (socket: import("node:net").Socket) => {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    return server;
  };
  let server = await listen(sinkOptions.port ?? 0);
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    /** The server dies: every connection is cut at once, messages waiting for their answer never get one. */
    async crash() {
      crashed = true;
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.server.close(() => resolve()));
    },
    /** Back on the same port. */
    async restart() {
      crashed = false;
      server = await listen(port);
    },
    rejectNext(code: number, message: string, times = 1) {
      for (let index = 0; index < times; index++) rejections.push({ code, message });
    },
    close: () => (crashed ? Promise.resolve() : new Promise<void>((resolve) => server.close(() => resolve()))),
  };
}

/** Undoes quoted-printable soft breaks and escapes, enough to find links and words in a message. */
function decodeQuotedPrintable(raw: string): string {
  const bytes = raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}

function decodeSubject(raw: string): string {
  const header = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)?.[1] ?? "";
  return header
    .replace(/\r?\n[ \t]/g, " ")
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([QB])\?(.*?)\?=/gi, (_match, encoding: string, text: string) =>
      encoding.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("utf8")
        : decodeURIComponent(
            text
              .replace(/_/g, " ")
              .replace(/%/g, "%25")
              .replace(/=([0-9A-F]{2})/gi, "%$1"),
          ),
    );
}
