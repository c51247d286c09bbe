import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { COMMENTER_COOKIE, COMMENTER_COOKIE_MAX_AGE, newCommenterKey, parseCommenterKey } from "@/lib/comments/commenter-key";
import { postComment } from "@/lib/comments/post-comment";
import { clientInfo, isSecureRequest } from "@/lib/http/client-info";
import { errorResponse } from "@/lib/http/error-response";
import { readJsonBody } from "@/lib/http/json-request";
import { preferredLocale } from "@/lib/i18n/locales";

/** The JSON API's comment: same use case and limits as the form; the client keeps its commenter key like a browser does. */
export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  try {
    const input = await readJsonBody(request, { siteOrigin: env.SITE_URL });
    const cookie = new RegExp(`(?:^|;\\s*)${COMMENTER_COOKIE}=([^;]+)`).exec(request.headers.get("cookie") ?? "")?.[1];
    const commenterKey = parseCommenterKey(cookie) ?? newCommenterKey();
    const comment = await postComment({
      db,
      eventSlug: (await params).slug,
      input,
      client: { ...clientInfo(request.headers), commenterKey },
      locale: preferredLocale(undefined, request.headers.get("accept-language")) ?? undefined,
    });
    const response = NextResponse.json(comment, { status: 201 });
    response.cookies.set(COMMENTER_COOKIE, commenterKey, {
      path: "/",
      httpOnly: true,
      sameSite: "lax",
      secure: isSecureRequest(request.headers),
      maxAge: COMMENTER_COOKIE_MAX_AGE,
    });
    return response;
  } catch (error) {
    return errorResponse(error, request);
  }
}
