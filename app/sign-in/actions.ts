"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { authenticate } from "@/lib/auth/authenticate";
import { authOptions } from "@/lib/auth/auth-options";
import { SESSION_COOKIE, SESSION_COOKIE_OPTIONS, sessionCookieValue } from "@/lib/auth/session-cookie";
import { createSession, revokeSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import { clientInfo } from "@/lib/http/client-info";
import { runFormAction, type FormState } from "@/lib/http/form-action";
import { safeReturnPath } from "@/lib/http/safe-return-path";
import { AppError } from "@/lib/errors";

export type SignInFormState = FormState<{ email: string }>;

/** The sign-in form: a plain form post, with or without JavaScript; the same throttling and messages either way. */
export async function signInAction(previous: SignInFormState, formData: FormData): Promise<SignInFormState> {
  const email = String(formData.get("email") ?? "");
  const password = String(formData.get("password") ?? "");
  const state = await runFormAction(previous, { email }, async () => {
    const user = await authenticate({ db, email, password, ip: clientInfo(await headers()).ip });
    if (!user) throw new AppError("UNAUTHORIZED", "signInInvalid");
    const sessionId = await createSession(db, user.id, new Date());
    (await cookies()).set(
      SESSION_COOKIE,
      await sessionCookieValue({ id: sessionId, userId: user.id, name: user.name, email: user.email }),
      SESSION_COOKIE_OPTIONS,
    );
    return {};
  });
  if (state.status === "done") redirect(safeReturnPath(formData.get("callbackUrl"), "/dashboard"));
  return state;
}

/** Signing out: the session's row is revoked (its cookie then opens nothing, anywhere) and the cookie removed. */
export async function signOutAction() {
  const session = (await getServerSession(authOptions)) as { sessionId?: string } | null;
  if (session?.sessionId) await revokeSession(db, session.sessionId, new Date());
  (await cookies()).delete(SESSION_COOKIE);
  redirect("/");
}
