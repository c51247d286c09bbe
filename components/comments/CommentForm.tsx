"use client";

import Link from "next/link";
import { useActionState, useRef } from "react";
import { useTranslations } from "next-intl";
import { postCommentAction } from "@/app/events/[slug]/actions";
import { COMMENT_LIMITS } from "@/lib/comments/comment-limits";
import { initialCommentFormState } from "@/lib/comments/comment-form-state";
import { Field, FieldFrame } from "@/components/forms/Field";
import { useFormFocus } from "@/components/forms/use-form-focus";

type Props = {
  eventSlug: string;
  /** The recap is already on the page: the form offers to send it rather than to tell when it is out. */
  recapPublished: boolean;
  replyTo?: { id: string; authorName: string };
};

/** A plain form posting to a server action: works without JavaScript, and with it shows progress and errors in place. */
export function CommentForm({ eventSlug, recapPublished, replyTo }: Props) {
  const [state, formAction, pending] = useActionState(postCommentAction, initialCommentFormState);
  const t = useTranslations("comments");
  const tErrors = useTranslations("errors");
  const values = state.status === "error" ? state.values : undefined;
  const fieldError = (name: string) => state.fieldErrors?.[name]?.[0];
  const parentError = fieldError("parentId");
  const form = useRef<HTMLFormElement>(null);
  const message = useFormFocus(state, form);

  return (
    <form
      ref={form}
      key={state.submission}
      action={formAction}
      className="comment-form"
      id="comment-form"
      aria-labelledby="comment-form-title"
      // Posted without leaving the page where Next.js's client runtime is not loaded (public/forms.js).
      data-in-place
      data-failed-message={tErrors("unexpected")}
    >
      <h3 id="comment-form-title">{replyTo ? t("replyingTo", { name: replyTo.authorName }) : t("formTitle")}</h3>
      {replyTo && (
        <p>
          <Link href={`/events/${eventSlug}#comment-form`} scroll={false}>
            {t("cancelReply")}
          </Link>
        </p>
      )}
      <p className="muted">{t("moderationNote")}</p>

      <div role="status" aria-live="polite" className="form-status" tabIndex={-1} ref={message}>
        {state.status === "success" && <p className="notice notice--success">{state.commentStatus === "APPROVED" ? t("published") : t("held")}</p>}
        {state.status === "success" && state.asksForRecap && state.recapPublished && (
          <p className="notice">
            {t("recapOnline")} <a href="#recap">{t("recapOnlineLink")}</a>
          </p>
        )}
        {state.status === "success" && state.recapRequest === "requested" && (
          <p className="notice notice--success">{state.recapPublished ? t("recapRequestedPublished") : t("recapRequested")}</p>
        )}
        {state.status === "success" && state.asksForRecap && state.recapRequest !== "requested" && (
          <p className="notice">
            {state.recapPublished ? t("recapOfferPublished") : t("recapOffer")}{" "}
            <a href="#recap-request">{state.recapPublished ? t("recapOfferPublishedLink") : t("recapOfferLink")}</a>
          </p>
        )}
        {state.status === "error" && state.messageKey && (
          <p className="notice notice--error" role="alert">
            {tErrors(state.messageKey)}
            {state.retryAfterSeconds ? ` ${tErrors("retryIn", { seconds: state.retryAfterSeconds })}` : null}
          </p>
        )}
      </div>

      <input type="hidden" name="eventSlug" value={eventSlug} />
      {replyTo && <input type="hidden" name="parentId" value={replyTo.id} />}
      {/* Honeypot: hidden from people and screen readers, filled in by naive bots. */}
      <div className="hp" aria-hidden="true">
        <label htmlFor="nickname">{t("honeypot")}</label>
        <input id="nickname" name="dbf_hp_comment" type="text" tabIndex={-1} autoComplete="off" data-1p-ignore data-lpignore="true" />
      </div>

      <div className="field-row">
        <Field
          id="authorName"
          name="authorName"
          label={t("name")}
          required
          maxLength={COMMENT_LIMITS.authorName}
          autoComplete="name"
          defaultValue={values?.authorName}
          error={fieldError("authorName")}
        />
        <Field
          id="authorEmail"
          name="authorEmail"
          type="email"
          label={t("email")}
          hint={t.rich("emailHint", { privacy: (chunks) => <Link href="/privacy">{chunks}</Link> })}
          required
          maxLength={COMMENT_LIMITS.authorEmail}
          autoComplete="email"
          defaultValue={values?.authorEmail}
          error={fieldError("authorEmail")}
        />
      </div>
      <Field
        id="authorUrl"
        name="authorUrl"
        type="url"
        label={t("url")}
        maxLength={COMMENT_LIMITS.authorUrl}
        autoComplete="url"
        placeholder="https://"
        defaultValue={values?.authorUrl}
        error={fieldError("authorUrl")}
      />
      <FieldFrame id="body" label={t("body")} hint={t("bodyHint")} error={fieldError("body")}>
        {(control) => <textarea {...control} name="body" required rows={6} maxLength={COMMENT_LIMITS.body} defaultValue={values?.body} />}
      </FieldFrame>
      <div className="field field--checkbox">
        <input id="notifyWhenRecapPublished" name="notifyWhenRecapPublished" type="checkbox" defaultChecked={values?.notifyWhenRecapPublished} />
        <label htmlFor="notifyWhenRecapPublished">{recapPublished ? t("notifyRecapPublished") : t("notifyRecap")}</label>
      </div>
      {parentError && <p className="field-error">{tErrors(parentError)}</p>}

      <button type="submit" className="button" disabled={pending} aria-disabled={pending} data-pending-label={t("submitting")}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
