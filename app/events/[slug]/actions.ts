"use server";

import { cookies, headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import type { CommentFormState } from "@/lib/comments/comment-form-state";
import { OWN_COMMENTS_COOKIE, rememberOwnComment } from "@/lib/comments/own-comments";
import { postComment } from "@/lib/comments/post-comment";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { clientInfo } from "@/lib/http/client-info";
import type { Locale } from "@/lib/i18n/locales";

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
  const submission = previous.submission + 1;
  try {
    const comment = await postComment({
      db,
      eventSlug,
      input: { ...values, parentId: field("parentId") },
      client: clientInfo(await headers()),
      form: { honeypot: field("nickname"), token: field("formToken") },
      locale: (await getLocale()) as Locale,
    });
    if (comment.status === "PENDING") {
      const cookieStore = await cookies();
      cookieStore.set(OWN_COMMENTS_COOKIE, rememberOwnComment(cookieStore.get(OWN_COMMENTS_COOKIE)?.value, comment.id), {
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        maxAge: 60 * 60 * 24 * 30,
      });
    }
    revalidatePath(`/events/${eventSlug}`);
    return {
      status: "success",
      submission,
      commentStatus: comment.status,
      asksForRecap: comment.asksForRecap,
      recapRequest: comment.recapRequest,
      recapPublished: comment.recapPublished,
    };
  } catch (error) {
    if (!isAppError(error)) {
      console.error(error);
      return { status: "error", submission, messageKey: "unexpected", values };
    }
    return {
      status: "error",
      submission,
      messageKey: error.messageKey,
      fieldErrors: error.fieldErrors,
      retryAfterSeconds: error.retryAfterSeconds,
      values,
    };
  }
}
