"use server";

import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { confirmRecapRequest } from "@/lib/recaps/confirm-recap-request";

/** Confirms on an explicit click (a POST), so mail scanners that follow links confirm nothing. */
export async function confirmRecapRequestAction(formData: FormData) {
  const token = String(formData.get("token") ?? "");
  await confirmRecapRequest({ db, token }).catch(() => null);
  redirect(`/recap-requests/confirm?token=${encodeURIComponent(token)}`);
}
