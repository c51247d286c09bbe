import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { postComment } from "@/lib/comments/post-comment";
import { clientInfo } from "@/lib/http/client-info";
import { errorResponse } from "@/lib/http/error-response";

export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  try {
    const input = await request.json().catch(() => {
      throw new AppError("INVALID", "invalidJson");
    });
    const comment = await postComment({
      db,
      eventSlug: (await params).slug,
      input,
      client: clientInfo(request.headers),
    });
    return NextResponse.json(comment, { status: 201 });
  } catch (error) {
    return errorResponse(error, request);
  }
}
