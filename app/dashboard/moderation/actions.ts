"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/current-actor";
import { moderateComments } from "@/lib/comments/moderate-comments";
import { db } from "@/lib/db/client";
import { outcomeQuery } from "@/lib/http/form-action";

/** One form for single and bulk moderation: a row's button sends "id:STATUS", the bulk buttons a status. */
export async function moderateCommentsAction(formData: FormData) {
  const single = formData.get("one");
  const [commentIds, status] =
    typeof single === "string" && single.includes(":")
      ? [[single.split(":")[0]], single.split(":")[1]]
      : [formData.getAll("commentIds").map(String), String(formData.get("status") ?? "")];
  // The tab the host was on, to come back to it (only known status names pass).
  const view = /^(PENDING|APPROVED|SPAM|REJECTED)$/.exec(String(formData.get("view") ?? ""))?.[0] ?? "PENDING";
  const outcome = await outcomeQuery(async () => {
    const { changed } = await moderateComments({ db, actor: await currentActor(), input: { commentIds, status } });
    return { changed, to: status };
  });
  revalidatePath("/dashboard", "layout");
  redirect(`/dashboard/moderation?status=${view}&${outcome}`);
}
