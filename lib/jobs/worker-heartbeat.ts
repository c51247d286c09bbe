import type { Database } from "@/lib/db/client";

export const HEARTBEAT = { intervalSeconds: 5, staleAfterSeconds: 30 } as const;

export type WorkerIdentity = { id: string; hostname: string; pid: number; startedAt: Date };

/** A worker says it is alive. Beats of workers gone for a day are tidied away. */
export async function recordHeartbeat(db: Database, worker: WorkerIdentity, now: Date): Promise<void> {
  await db.workerHeartbeat.upsert({
    where: { id: worker.id },
    create: { ...worker, beatAt: now },
    update: { beatAt: now },
    select: { id: true },
  });
  await db.workerHeartbeat.deleteMany({ where: { beatAt: { lt: new Date(now.getTime() - 86_400_000) } } });
}

export type DeliveryHealth = {
  /** ok: a worker beat within HEARTBEAT.staleAfterSeconds; stale: the last beat is older; none: no worker ever ran. */
  worker: "ok" | "stale" | "none";
  lastBeatAt: Date | null;
  /** E-mails due for more than two minutes that nobody has taken: mail is not moving. */
  overdueEmails: number;
};

/** Whether mail is moving: read by /api/health and the dashboard. */
export async function getDeliveryHealth(db: Database, now: Date): Promise<DeliveryHealth> {
  const [latest, overdueEmails] = await Promise.all([
    db.workerHeartbeat.findFirst({ orderBy: { beatAt: "desc" }, select: { beatAt: true } }),
    db.outboundEmail.count({ where: { status: "PENDING", nextAttemptAt: { lt: new Date(now.getTime() - 120_000) } } }),
  ]);
  const worker = !latest ? "none" : now.getTime() - latest.beatAt.getTime() > HEARTBEAT.staleAfterSeconds * 1000 ? "stale" : "ok";
  return { worker, lastBeatAt: latest?.beatAt ?? null, overdueEmails };
}
