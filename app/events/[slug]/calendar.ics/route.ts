import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { getEventCalendar } from "@/lib/feeds/get-event-calendar";
import { errorResponse } from "@/lib/http/error-response";

export const dynamic = "force-dynamic";

/** "Add to my calendar": the event's .ics, opened by the reader's calendar application. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const calendar = await getEventCalendar({ db, slug: (await params).slug });
  if (!calendar) return errorResponse(new AppError("NOT_FOUND", "eventNotFound"), request);
  return new Response(calendar.body, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `attachment; filename="${calendar.filename}"`,
      "cache-control": "public, max-age=300",
    },
  });
}
