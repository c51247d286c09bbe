"use server";

import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { confirmRecapRequest } from "@/lib/recaps/confirm-recap-request";

/** Confirms on an explicit click (a POST), so mail scanners that follow links confirm nothing. */
export async function confirmRecapRequestAction(formData: FormData) {
  const token = String(formData.get("token") ?? "");
  // A refused token (expired, unknown, withdrawn) is explained by the page the reader is sent back to; anything
  // else (the database unreachable) is an error, not a silent "nothing happened".
  await confirmRecapRequest({ db, token }).catch((error: unknown) => {
    if (!isAppError(error)) throw error;
  });
  redirect(`/recap-requests/confirm?token=${encodeURIComponent(token)}`);
}
