import { commenterCookie, commenterKeyFromCookieHeader, newCommenterKey } from "@/lib/comments/commenter-key";
import { postComment } from "@/lib/comments/post-comment";
import type { Database } from "@/lib/db/client";
import { clientInfo, isSecureRequest } from "@/lib/http/client-info";
import { errorAnswer, type JsonAnswer } from "@/lib/http/json-answer";
import { type BodyReader, type HeaderSource, readJson } from "@/lib/http/json-request";
import { preferredLocale } from "@/lib/i18n/locales";

/**
 * The JSON API's comment (POST /api/events/{slug}/comments): the same use case and limits as the form; the client
 * keeps its commenter key like a browser does. Answered by the route handler under `next dev`, and by server.ts
 * before Next.js in production (its route handling cost three times the comment itself: docs/PERFORMANCE.md).
 */
export async function answerCommentPost(options: {
  db: Database;
  slug: string;
  headers: HeaderSource;
  readBody: BodyReader;
  siteOrigin: string;
}): Promise<JsonAnswer> {
  const { db, headers } = options;
  try {
    const input = await readJson(headers, options.readBody, { siteOrigin: options.siteOrigin });
    const commenterKey = commenterKeyFromCookieHeader(headers.get("cookie")) ?? newCommenterKey();
    const comment = await postComment({
      db,
      eventSlug: options.slug,
      input,
      client: { ...clientInfo(headers), commenterKey },
      locale: preferredLocale(undefined, headers.get("accept-language")) ?? undefined,
    });
    return { status: 201, body: comment, headers: { "Set-Cookie": commenterCookie(commenterKey, isSecureRequest(headers)) } };
  } catch (error) {
    return errorAnswer(error, headers.get("accept-language"));
  }
}
