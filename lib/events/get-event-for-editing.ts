import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/auth/permissions";

/** The event as the editor shows it. */
export async function getEventForEditing(options: { db: Database; actor: Actor | null; slug: string }) {
  assertCan(options.actor, "event:edit");
  const event = await options.db.event.findUnique({
    where: { slug: options.slug },
    select: {
      id: true,
      slug: true,
      title: true,
      timeZone: true,
      startsAt: true,
      endsAt: true,
      venueName: true,
      venueAddress: true,
      hostNames: true,
      summary: true,
      topic: true,
      language: true,
      status: true,
      coverAssetId: true,
      _count: { select: { comments: true, recapRequests: true } },
    },
  });
  if (!event) throw new AppError("NOT_FOUND", "eventNotFound");
  return event;
}
