"use server";

import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { eraseRecapRequest, withdrawRecapRequest } from "@/lib/recaps/withdraw-recap-request";

export async function withdrawAction(formData: FormData) {
  const token = String(formData.get("token") ?? "");
  await withdrawRecapRequest({ db, token });
  redirect(`/recap-requests/manage?token=${encodeURIComponent(token)}&done=withdrawn`);
}

export async function eraseAction(formData: FormData) {
  await eraseRecapRequest({ db, token: String(formData.get("token") ?? "") });
  redirect("/recap-requests/manage?done=erased");
}
