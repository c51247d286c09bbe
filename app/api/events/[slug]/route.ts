import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { getPublishedEvent } from "@/lib/events/get-event";
import { errorResponse } from "@/lib/http/error-response";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  try {
    // `?page=N`: the Nth page of conversations (THREADS_PER_PAGE each); `event.commentPages` tells how many.
    const pageParam = new URL(request.url).searchParams.get("page");
    const commentPage = pageParam && /^\d{1,6}$/.test(pageParam) ? Number(pageParam) : 1;
    const event = await getPublishedEvent({ db, slug: (await params).slug, commentPage });
    if (!event) throw new AppError("NOT_FOUND", "eventNotFound");
    return NextResponse.json({ event });
  } catch (error) {
    return errorResponse(error, request);
  }
}
