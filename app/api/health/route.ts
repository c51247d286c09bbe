import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { checkHealth } from "@/lib/db/check-health";
import { getDeliveryHealth } from "@/lib/jobs/worker-heartbeat";

export const dynamic = "force-dynamic";

/**
 * 200 while the web process can serve (database up, migrations applied); 503 only for its own failures.
 * `worker` says whether a worker process beat recently (ok | stale | none): mail not moving is reported,
 * not a reason to take the web instance out of a load balancer.
 */
export async function GET() {
  const health = await checkHealth({ db });
  const delivery = health.database === "up" ? await getDeliveryHealth(db, new Date()).catch(() => null) : null;
  return NextResponse.json(
    { ...health, worker: delivery?.worker ?? "unknown", workerLastBeatAt: delivery?.lastBeatAt ?? null, overdueEmails: delivery?.overdueEmails ?? null },
    { status: health.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
