"use server";

import { cookies, headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import type { CommentFormState } from "@/lib/comments/comment-form-state";
import { COMMENTER_COOKIE, COMMENTER_COOKIE_MAX_AGE, newCommenterKey, parseCommenterKey } from "@/lib/comments/commenter-key";
import { FORM_TOKEN_COOKIE } from "@/lib/comments/form-token";
import { OWN_COMMENTS_COOKIE, rememberOwnComment } from "@/lib/comments/own-comments";
import { postComment } from "@/lib/comments/post-comment";
import { db } from "@/lib/db/client";
import { clientInfo, isSecureRequest } from "@/lib/http/client-info";
import { runFormAction } from "@/lib/http/form-action";

/** The comment form's server action: the same use case as the JSON API, with form-only bot checks. */
export async function postCommentAction(previous: CommentFormState, formData: FormData): Promise<CommentFormState> {
  const field = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  const eventSlug = field("eventSlug");
  const values = {
    authorName: field("authorName"),
    authorEmail: field("authorEmail"),
    authorUrl: field("authorUrl"),
    body: field("body"),
    notifyWhenRecapPublished: field("notifyWhenRecapPublished") === "on",
  };
  const state = await runFormAction(previous, values, async () => {
    const cookieStore = await cookies();
    const requestHeaders = await headers();
    const secure = isSecureRequest(requestHeaders);
    // The browser's commenter key: what a host's approval trusts (created on a first comment).
    const commenterKey = parseCommenterKey(cookieStore.get(COMMENTER_COOKIE)?.value) ?? newCommenterKey();
    const comment = await postComment({
      db,
      eventSlug,
      input: { ...values, parentId: field("parentId") },
      client: { ...clientInfo(requestHeaders), commenterKey },
      form: { honeypot: field("dbf_hp_comment"), token: cookieStore.get(FORM_TOKEN_COOKIE)?.value },
      locale: await getLocale(),
    });
    cookieStore.set(COMMENTER_COOKIE, commenterKey, { path: "/", httpOnly: true, sameSite: "lax", secure, maxAge: COMMENTER_COOKIE_MAX_AGE });
    if (comment.status === "PENDING") {
      cookieStore.set(OWN_COMMENTS_COOKIE, rememberOwnComment(cookieStore.get(OWN_COMMENTS_COOKIE)?.value, comment.id), {
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        secure,
        maxAge: 60 * 60 * 24 * 30,
      });
    }
    revalidatePath(`/events/${eventSlug}`);
    return {
      commentStatus: comment.status,
      asksForRecap: comment.asksForRecap,
      recapRequest: comment.recapRequest,
      recapPublished: comment.recapPublished,
    };
  });
  // The comment form calls its outcome "success" (lib/comments/comment-form-state.ts); what was typed is given back on error only.
  return state.status === "done" ? { ...state, status: "success", values: undefined } : state;
}
