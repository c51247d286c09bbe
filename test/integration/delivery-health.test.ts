// Worker supervision as hosts and operators see it: a worker's heartbeat, /api/health, and e-mails not moving.
import { describe, expect, it } from "vitest";
import { GET as healthRoute } from "@/app/api/health/route";
import { createDatabase } from "@/lib/db/client";
import { getDeliveryHealth, HEARTBEAT, recordHeartbeat } from "@/lib/jobs/worker-heartbeat";
import { createOutboundEmail } from "../factories";

const db = createDatabase();

describe("whether mail is moving", () => {
  it("says no worker ran, then ok while one beats, then stale when it stops; overdue e-mails are counted", async () => {
    const now = new Date();
    expect(await getDeliveryHealth(db, now)).toEqual({ worker: "none", lastBeatAt: null, overdueEmails: 0 });
    await recordHeartbeat(db, { id: "w1", hostname: "here", pid: 1234, startedAt: now }, now);
    expect((await getDeliveryHealth(db, new Date(now.getTime() + 10_000))).worker).toBe("ok");
    const later = new Date(now.getTime() + (HEARTBEAT.staleAfterSeconds + 1) * 1000);
    expect((await getDeliveryHealth(db, later)).worker).toBe("stale");
    // /api/health reports it, and stays 200: the web instance itself is fine.
    const response = await healthRoute();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, worker: expect.stringMatching(/^(ok|stale)$/) });

    // One e-mail waiting five minutes past its time, one just due.
    await createOutboundEmail(db, { nextAttemptAt: new Date(now.getTime() - 5 * 60_000) });
    await createOutboundEmail(db, { nextAttemptAt: now });
    expect((await getDeliveryHealth(db, now)).overdueEmails).toBe(1);
  });
});
