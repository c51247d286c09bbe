import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { errorResponse } from "@/lib/http/error-response";
import { turnOffDigest } from "@/lib/users/turn-off-digest";

/** RFC 8058 one-click "stop the digest": mail clients POST here with no cookie; the token is the credential. */
export async function POST(request: Request) {
  try {
    await turnOffDigest({ db, token: new URL(request.url).searchParams.get("token") });
    return NextResponse.json({ status: "unsubscribed" });
  } catch (error) {
    return errorResponse(error, request);
  }
}
