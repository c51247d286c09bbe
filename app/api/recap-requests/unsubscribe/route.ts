import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { errorResponse } from "@/lib/http/error-response";
import { withdrawRecapRequest } from "@/lib/recaps/withdraw-recap-request";

/**
 * RFC 8058 one-click unsubscribe: mail clients POST here with no cookie and follow no redirect.
 * The token in the URL is the only credential.
 */
/**
 * Someone who opens the List-Unsubscribe link in a browser (or a scanner that follows it) changes nothing:
 * they are sent to the page where they can withdraw the request themselves.
 */
export function GET(request: Request) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  return new NextResponse(null, {
    status: 303,
    headers: { Location: `/recap-requests/manage?${new URLSearchParams({ token })}`, "Cache-Control": "no-store" },
  });
}

export async function POST(request: Request) {
  try {
    await withdrawRecapRequest({ db, token: new URL(request.url).searchParams.get("token") });
    return NextResponse.json({ status: "unsubscribed" });
  } catch (error) {
    return errorResponse(error, request);
  }
}
