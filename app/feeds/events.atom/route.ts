import { db } from "@/lib/db/client";
import { getEventsFeed } from "@/lib/feeds/get-events-feed";

export const dynamic = "force-dynamic";

export async function GET() {
  return new Response(await getEventsFeed({ db }), {
    headers: { "content-type": "application/atom+xml; charset=utf-8", "cache-control": "public, max-age=900" },
  });
}
