// Entry of the worker's SMTP thread (lib/notifications/threaded-transport.ts): a worker thread does not get the
// process's `--import tsx` hooks on Node 20, so it registers tsx itself before loading the TypeScript.
import { register } from "tsx/esm/api";

register();
await import("./smtp-thread.ts");
