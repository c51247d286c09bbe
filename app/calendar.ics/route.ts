import { db } from "@/lib/db/client";
import { getSiteCalendar } from "@/lib/feeds/get-site-calendar";

export const dynamic = "force-dynamic";

/** The calendar readers subscribe to: every event, updated as they are edited or withdrawn. */
export async function GET() {
  return new Response(await getSiteCalendar({ db, now: new Date() }), {
    headers: { "content-type": "text/calendar; charset=utf-8", "cache-control": "public, max-age=900" },
  });
}
