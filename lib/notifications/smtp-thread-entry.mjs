// Entry of the worker's SMTP thread (lib/notifications/threaded-transport.ts): a worker thread does not get the
// process's `--import tsx` hooks on Node 20, so it registers tsx itself before loading the TypeScript.
import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { serveSmtpThread } = await import("./smtp-thread.ts");
const { createMailTransport } = await import("./mailer.ts");
const { smtpUrl, timeoutSeconds } = workerData;
serveSmtpThread(parentPort, createMailTransport(smtpUrl, { timeoutSeconds }));
