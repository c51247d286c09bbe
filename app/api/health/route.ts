import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { checkHealth } from "@/lib/db/check-health";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await checkHealth({ db });
  return NextResponse.json(health, { status: health.ok ? 200 : 503 });
}
