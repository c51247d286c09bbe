import { db } from "@/lib/db/client";
import { getRecapsFeed } from "@/lib/feeds/get-recaps-feed";

export const dynamic = "force-dynamic";

export async function GET() {
  return new Response(await getRecapsFeed({ db }), {
    headers: { "content-type": "application/atom+xml; charset=utf-8", "cache-control": "public, max-age=900" },
  });
}
