import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { getPublishedEvent } from "@/lib/events/get-event";
import { errorResponse } from "@/lib/http/error-response";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  try {
    const event = await getPublishedEvent({ db, slug: (await params).slug });
    if (!event) throw new AppError("NOT_FOUND", "eventNotFound");
    return NextResponse.json({ event });
  } catch (error) {
    return errorResponse(error, request);
  }
}
