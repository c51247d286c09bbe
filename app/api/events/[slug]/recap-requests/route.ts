import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { clientInfo } from "@/lib/http/client-info";
import { errorResponse } from "@/lib/http/error-response";
import { readJsonBody } from "@/lib/http/json-request";
import { preferredLocale } from "@/lib/i18n/locales";
import { getSiteSettings } from "@/lib/settings/site-settings";
import { translatorFor } from "@/lib/i18n/messages";
import { requestRecap } from "@/lib/recaps/request-recap";

/** Always 202 with the same body for a valid request, whether or not the address was known. */
export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  try {
    const input = await readJsonBody(request, { siteOrigin: env.SITE_URL });
    const stated = preferredLocale(undefined, request.headers.get("accept-language"));
    const locale = stated ?? (await getSiteSettings(db)).defaultLocale;
    await requestRecap({ db, eventSlug: (await params).slug, input, client: clientInfo(request.headers), fallbackLocale: locale });
    return NextResponse.json({ status: "accepted", message: translatorFor(locale, "recaps")("accepted") }, { status: 202 });
  } catch (error) {
    return errorResponse(error, request);
  }
}
