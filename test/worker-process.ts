import { spawn, type ChildProcess } from "node:child_process";
import { afterAll } from "vitest";

const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
});

/**
 * A real worker process (`npm run worker`'s script) on this test file's database, run as
 * `node --import tsx` so that killing it kills the worker itself.
 */
export function startWorkerProcess(env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    env: { ...process.env, MAIL_FROM: "Debrief <debrief@example.org>", OUTBOX_LEASE_SECONDS: "2", OUTBOX_RETRY_SECONDS: "1", ...env },
    stdio: process.env.DEBUG_WORKERS ? "inherit" : "ignore",
  });
  children.push(child);
  return child;
}

/** Kills a process outright and waits until it is gone. */
export async function killProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
}

export async function waitFor(condition: () => Promise<boolean> | boolean, timeoutMs: number, what = "condition"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}
