import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { eventDetailsSelect } from "@/lib/events/event-select";

/** The event as the editor shows it. */
export async function getEventForEditing(options: { db: Database; actor: Actor | null; slug: string }) {
  assertCan(options.actor, "event:edit");
  const event = await options.db.event.findUnique({
    where: { slug: options.slug },
    select: {
      id: true,
      ...eventDetailsSelect,
      status: true,
      _count: { select: { comments: true, recapRequests: true } },
    },
  });
  if (!event) throw new AppError("NOT_FOUND", "eventNotFound");
  return event;
}
