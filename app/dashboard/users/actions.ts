"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/current-actor";
import { db } from "@/lib/db/client";
import { outcomeQuery, runFormAction, type FormState } from "@/lib/http/form-action";
import { actOnAccount, type AccountAction } from "@/lib/users/act-on-account";
import { inviteHost } from "@/lib/users/invite-host";
import { revokeInvitation } from "@/lib/users/revoke-invitation";

export type InviteFormState = FormState<{ email: string; role: string }>;

export async function inviteHostAction(previous: InviteFormState, formData: FormData): Promise<InviteFormState> {
  const values = { email: String(formData.get("email") ?? ""), role: String(formData.get("role") ?? "HOST") };
  const state = await runFormAction(previous, values, async () => {
    await inviteHost({ db, actor: await currentActor(), input: values });
    return {};
  });
  if (state.status === "done") revalidatePath("/dashboard/users");
  return state;
}

/** Disable, enable, remove, change role: each a button on the hosts page, answered with the page and its outcome. */
export async function accountAction(formData: FormData) {
  const action = String(formData.get("action") ?? "") as AccountAction;
  const outcome = await outcomeQuery(async () => {
    await actOnAccount({ db, actor: await currentActor(), userId: String(formData.get("userId") ?? ""), action });
    return { done: action };
  });
  revalidatePath("/dashboard/users");
  redirect(`/dashboard/users?${outcome}`);
}

/** Withdraws an invitation not used yet: its link stops working. */
export async function revokeInvitationAction(formData: FormData) {
  const outcome = await outcomeQuery(async () => {
    await revokeInvitation({ db, actor: await currentActor(), invitationId: String(formData.get("invitationId") ?? "") });
    return { done: "revoke-invitation" };
  });
  revalidatePath("/dashboard/users");
  redirect(`/dashboard/users?${outcome}`);
}
