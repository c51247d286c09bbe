import type { Database } from "@/lib/db/client";
import { recapRequestIdFromManageToken } from "./recap-request-links";

/** What the manage page shows: the address, the event, where the request stands and when the recap went. */
export async function findRecapRequestForManaging(options: { db: Database; token: string | null; now?: Date }) {
  const id = recapRequestIdFromManageToken(options.token, options.now ?? new Date());
  if (!id) return null;
  return options.db.recapRequest.findUnique({
    where: { id },
    select: {
      email: true,
      status: true,
      recapSentAt: true,
      withdrawnAt: true,
      event: { select: { slug: true, title: true, timeZone: true, recap: { select: { status: true } } } },
    },
  });
}
