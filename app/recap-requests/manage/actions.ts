"use server";

import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { eraseRecapRequest } from "@/lib/recaps/erase-recap-request";
import { withdrawRecapRequest } from "@/lib/recaps/withdraw-recap-request";

/** A bad or stale link gets the page's "link not valid" answer, never an error page. */
export async function withdrawAction(formData: FormData) {
  const token = String(formData.get("token") ?? "");
  try {
    await withdrawRecapRequest({ db, token });
  } catch (error) {
    if (!isAppError(error)) throw error;
  }
  redirect(`/recap-requests/manage?token=${encodeURIComponent(token)}&done=withdrawn`);
}

export async function eraseAction(formData: FormData) {
  try {
    await eraseRecapRequest({ db, token: String(formData.get("token") ?? "") });
  } catch (error) {
    if (!isAppError(error)) throw error;
    redirect("/recap-requests/manage");
  }
  redirect("/recap-requests/manage?done=erased");
}
