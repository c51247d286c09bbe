import { NextResponse } from "next/server";
import { currentActor } from "@/lib/auth/current-actor";
import { db } from "@/lib/db/client";
import { errorResponse } from "@/lib/http/error-response";
import { getRecapForEditing } from "@/lib/recaps/get-recap-for-editing";

export const dynamic = "force-dynamic";

/** The delivery report, polled by the progress bar while a recap is being sent. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  try {
    const { report, preparing } = await getRecapForEditing({ db, actor: await currentActor(), eventSlug: (await params).slug });
    return NextResponse.json({ report, preparing }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error, request);
  }
}
