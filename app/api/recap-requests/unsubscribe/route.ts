import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { errorResponse } from "@/lib/http/error-response";
import { withdrawRecapRequest } from "@/lib/recaps/withdraw-recap-request";

/**
 * RFC 8058 one-click unsubscribe: mail clients POST here with no cookie and follow no redirect.
 * The token in the URL is the only credential.
 */
export async function POST(request: Request) {
  try {
    await withdrawRecapRequest({ db, token: new URL(request.url).searchParams.get("token") });
    return NextResponse.json({ status: "unsubscribed" });
  } catch (error) {
    return errorResponse(error, request);
  }
}
