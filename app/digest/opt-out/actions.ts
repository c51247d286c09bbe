"use server";

import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { outcomeQuery } from "@/lib/http/form-action";
import { turnOffDigest } from "@/lib/users/turn-off-digest";

export async function turnOffDigestAction(formData: FormData) {
  const token = String(formData.get("token") ?? "");
  const outcome = await outcomeQuery(async () => {
    await turnOffDigest({ db, token });
    return { done: 1 };
  });
  redirect(`/digest/opt-out?${outcome}`);
}
