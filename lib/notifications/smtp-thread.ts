// The SMTP side of the worker's transport (lib/notifications/threaded-transport.ts), in a thread of its own: nodemailer
// builds and sends each message here, on the second core, while the worker's main thread claims, renders and records.
// It holds the very transport the main thread would otherwise hold (createMailTransport): the same pool, the same
// per-send deadline, the same marking of the moment the data went out. Started through smtp-thread-entry.mjs, which
// hands it the thread's port; written against a port so that it can be served, and tested, from any thread.
import type { MessagePort } from "node:worker_threads";
import type { MailTransport, OutgoingMail, SendError } from "./mailer";

export type ThreadRequest = { id: number; mail: OutgoingMail } | { close: true };
export type ThreadAnswer =
  | { ready: true }
  | { taken: number }
  | { id: number; response: string }
  | { id: number; error: Pick<SendError, "message" | "code" | "responseCode" | "command" | "dataSent"> };

/**
 * Sends each request arriving on `port` through `transport` and answers it by its id: the server's response, or the
 * error with what the main thread needs to sort it. `{ taken: id }` goes first, as the send starts: a message the
 * thread never took cannot have reached the server. `{ close: true }` lets the sends under way answer, then closes
 * the transport and the port (which lets the thread end). Announces `{ ready: true }` once it listens.
 */
export function serveSmtpThread(port: MessagePort, transport: MailTransport): void {
  let inFlight = 0;
  let closing = false;

  const closeWhenIdle = () => {
    if (!closing || inFlight > 0) return;
    transport.close();
    port.close();
  };

  port.on("message", async (request: ThreadRequest) => {
    if ("close" in request) {
      closing = true;
      closeWhenIdle();
      return;
    }
    inFlight++;
    port.postMessage({ taken: request.id } satisfies ThreadAnswer);
    let answer: ThreadAnswer;
    try {
      answer = { id: request.id, response: (await transport.send(request.mail)).response };
    } catch (caught) {
      const error = caught as SendError;
      const { code, responseCode, command, dataSent } = error;
      answer = { id: request.id, error: { message: error.message ?? String(caught), code, responseCode, command, dataSent } };
    }
    port.postMessage(answer);
    inFlight--;
    closeWhenIdle();
  });
  // From here on a message handed to this thread may reach the server.
  port.postMessage({ ready: true } satisfies ThreadAnswer);
}
