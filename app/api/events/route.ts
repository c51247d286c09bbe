import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { listEvents } from "@/lib/events/list-events";
import { errorResponse } from "@/lib/http/error-response";

export async function GET(request: Request) {
  try {
    return NextResponse.json(await listEvents({ db }));
  } catch (error) {
    return errorResponse(error, request);
  }
}
