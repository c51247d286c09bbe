import { Worker } from "node:worker_threads";
import { createMailTransport, type MailTransport, type SendResult } from "./mailer";
import type { ThreadAnswer, ThreadRequest } from "./smtp-thread";

/**
 * The worker's SMTP transport, with nodemailer in a thread of its own (lib/notifications/smtp-thread.ts). Building
 * and sending a message costs about as much CPU as everything else the outbox does for it, so on two cores the two
 * run side by side (docs/decisions/012-smtp-in-a-thread.md). It answers as createMailTransport does — the server's
 * response, or an error with the server's code and whether the data had gone out — so the outbox sorts failures
 * the same way.
 *
 * When the thread stops with sends under way, or does not answer one in time, whether those messages left is
 * unknown once the thread had started: they fail as ambiguous (`dataSent`), never resent automatically. Sends to a
 * thread that never started cannot have left: they fail as retryable. The next send starts a new thread.
 */
export function createThreadedMailTransport(smtpUrl: string | undefined, options: { timeoutSeconds?: number } = {}): MailTransport {
  if (!smtpUrl) return createMailTransport(undefined, options);
  const timeoutSeconds = options.timeoutSeconds ?? 30;
  type Pending = { resolve: (result: SendResult) => void; reject: (error: Error) => void; timer: NodeJS.Timeout };
  type Thread = { worker: Worker; ready: boolean; pending: Map<number, Pending> };
  let nextId = 0;
  let current: Thread | undefined;

  const fail = (thread: Thread, id: number, reason: string) => {
    const send = thread.pending.get(id);
    if (!send) return;
    thread.pending.delete(id);
    clearTimeout(send.timer);
    send.reject(Object.assign(new Error(reason), { code: "ETHREAD", dataSent: thread.ready }));
  };

  const start = (): Thread => {
    const worker = new Worker(new URL("./smtp-thread.mjs", import.meta.url), {
      workerData: { smtpUrl, timeoutSeconds },
      // The entry registers tsx itself; the process's own flags are not passed on.
      execArgv: [],
    });
    const thread: Thread = { worker, ready: false, pending: new Map() };
    worker.on("message", (answer: ThreadAnswer) => {
      if ("ready" in answer) {
        thread.ready = true;
        return;
      }
      const send = thread.pending.get(answer.id);
      if (!send) return;
      thread.pending.delete(answer.id);
      clearTimeout(send.timer);
      if ("response" in answer) send.resolve({ response: answer.response });
      else send.reject(Object.assign(new Error(answer.error.message), answer.error));
    });
    worker.on("error", (error) => console.error("Outbox: the SMTP thread failed:", error));
    worker.on("exit", (code) => {
      if (current === thread) current = undefined;
      for (const id of [...thread.pending.keys()]) fail(thread, id, `the SMTP thread stopped (exit code ${code}) before the server answered`);
    });
    return thread;
  };

  return {
    send(mail) {
      current ??= start();
      const thread = current;
      const id = nextId++;
      return new Promise<SendResult>((resolve, reject) => {
        // The thread has its own deadline per send (the timeout plus a second); this one is for a thread that stopped
        // answering altogether. It is replaced: its other sends fail when it exits.
        const timer = setTimeout(
          () => {
            fail(thread, id, `no answer from the SMTP thread within ${timeoutSeconds + 5} s`);
            if (current === thread) current = undefined;
            void thread.worker.terminate();
          },
          (timeoutSeconds + 5) * 1000,
        );
        thread.pending.set(id, { resolve, reject, timer });
        thread.worker.postMessage({ id, mail } satisfies ThreadRequest);
      });
    },
    close() {
      current?.worker.postMessage({ close: true } satisfies ThreadRequest);
      current = undefined;
    },
  };
}
