import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { answerCommentPost } from "@/lib/http/comment-api";
import { toNextResponse } from "@/lib/http/error-response";
import { webBody } from "@/lib/http/json-request";

/** The JSON API's comment (lib/http/comment-api.ts); in production server.ts answers it before Next.js. */
export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return toNextResponse(await answerCommentPost({ db, slug, headers: request.headers, readBody: webBody(request), siteOrigin: env.SITE_URL }));
}
