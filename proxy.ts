import { NextResponse, type NextRequest } from "next/server";
import { formTokenCookie } from "@/lib/comments/form-token";

/**
 * Each view of an event page gets a fresh comment-form token in a cookie (lib/comments/form-token.ts). The
 * production server sets it on pages it serves from its cache (lib/http/cached-event-page.ts); here, on pages
 * Next.js renders.
 */
export function proxy(request: NextRequest) {
  const response = NextResponse.next();
  const slug = /^\/events\/([a-z0-9-]{1,120})$/.exec(request.nextUrl.pathname)?.[1];
  if (slug && request.method === "GET") {
    response.headers.append(
      "Set-Cookie",
      formTokenCookie(slug, Date.now(), request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https"),
    );
  }
  return response;
}

export const config = { matcher: "/events/:slug" };
