import { Worker } from "node:worker_threads";
import { createMailTransport, type MailTransport, type SendResult } from "./mailer";
import type { ThreadAnswer, ThreadRequest } from "./smtp-thread";

export type ThreadedTransportOptions = {
  /**
   * The per-send deadline, as createMailTransport's, which the thread keeps (plus a second, from when it takes the
   * message). The main thread stops a thread that has not answered a send within this plus 5 s of handing it over.
   */
  timeoutSeconds?: number;
  /** How long a new thread may take to load before it is given up (its sends then fail as not sent). */
  startTimeoutMs?: number;
  /** The thread's entry; tests start one that fails in a given way (test/fixtures/faulty-smtp-thread.mjs). */
  threadEntry?: URL;
};

/**
 * The worker's SMTP transport, with nodemailer in a thread of its own (lib/notifications/smtp-thread.ts). Building
 * and sending a message costs about as much CPU as everything else the outbox does for it, so on two cores the two
 * run side by side (docs/decisions/012-smtp-in-a-thread.md). It answers as createMailTransport does — the server's
 * response, or an error with the server's code and whether the data had gone out — so the outbox sorts failures
 * the same way.
 *
 * When the thread stops with sends under way, or does not answer one in time (it is then stopped), whether the
 * messages it had taken left is unknown: they fail as ambiguous (`dataSent`), never resent automatically. Those it
 * never took — queued behind a thread that stopped answering, or sent to one that never started — cannot have
 * left: they fail as retryable. The next send starts a new thread. `ready` settles once the first thread has
 * started (rejects if it cannot), so the worker stops at start-up rather than failing every send later.
 */
export function createThreadedMailTransport(smtpUrl: string | undefined, options: ThreadedTransportOptions = {}): MailTransport & { ready: Promise<void> } {
  if (!smtpUrl) return { ...createMailTransport(undefined, options), ready: Promise.resolve() };
  const { timeoutSeconds = 30, startTimeoutMs = 30_000, threadEntry = new URL("./smtp-thread-entry.mjs", import.meta.url) } = options;
  type Pending = { resolve: (result: SendResult) => void; reject: (error: Error) => void; timer?: NodeJS.Timeout; taken?: boolean };
  type Thread = { worker: Worker; ready: boolean; pending: Map<number, Pending>; started: Promise<void> };
  let nextId = 0;
  let current: Thread | undefined;

  const stop = (thread: Thread) => {
    if (current === thread) current = undefined;
    void thread.worker.terminate();
  };
  // The thread's own deadline (the timeout plus a second) runs from when it takes the message; this one, from when
  // the thread is running, is for a thread that stopped answering altogether. The send is failed when it exits.
  const arm = (thread: Thread, send: Pending) => {
    send.timer = setTimeout(() => stop(thread), (timeoutSeconds + 5) * 1000);
  };

  const start = (): Thread => {
    const worker = new Worker(threadEntry, {
      workerData: { smtpUrl, timeoutSeconds },
      // The entry registers tsx itself; the process's own flags are not passed on.
      execArgv: [],
    });
    let settleStart: { resolve: () => void; reject: (error: Error) => void } | undefined;
    const thread: Thread = {
      worker,
      ready: false,
      pending: new Map(),
      started: new Promise<void>((resolve, reject) => (settleStart = { resolve, reject })),
    };
    thread.started.catch(() => {});
    const startTimer = setTimeout(() => stop(thread), startTimeoutMs);
    worker.on("message", (answer: ThreadAnswer) => {
      if ("ready" in answer) {
        thread.ready = true;
        clearTimeout(startTimer);
        for (const send of thread.pending.values()) arm(thread, send);
        settleStart?.resolve();
        return;
      }
      if ("taken" in answer) {
        const send = thread.pending.get(answer.taken);
        if (send) send.taken = true;
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
    // Every message the thread posted is delivered before this: `ready` and the answers are final here.
    worker.on("exit", (code) => {
      clearTimeout(startTimer);
      if (current === thread) current = undefined;
      const reason = thread.ready
        ? `the SMTP thread stopped (exit code ${code}) before its answer came back`
        : `the SMTP thread could not start (exit code ${code})`;
      settleStart?.reject(new Error(reason));
      for (const send of thread.pending.values()) {
        clearTimeout(send.timer);
        send.reject(Object.assign(new Error(reason), { code: "ETHREAD", dataSent: send.taken === true }));
      }
      thread.pending.clear();
    });
    return thread;
  };

  current = start();
  return {
    ready: current.started,
    send(mail) {
      current ??= start();
      const thread = current;
      const id = nextId++;
      return new Promise<SendResult>((resolve, reject) => {
        // Posted first: a message that cannot be posted (it does not clone) fails here, and leaves no send waiting.
        thread.worker.postMessage({ id, mail } satisfies ThreadRequest);
        const send: Pending = { resolve, reject };
        thread.pending.set(id, send);
        if (thread.ready) arm(thread, send);
      });
    },
    /** The thread finishes the sends under way, hands their answers back, then stops. */
    close() {
      current?.worker.postMessage({ close: true } satisfies ThreadRequest);
      current = undefined;
    },
  };
}
