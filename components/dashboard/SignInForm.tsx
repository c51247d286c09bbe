"use client";

import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { signInAction, type SignInFormState } from "@/app/sign-in/actions";
import { initialFormState } from "@/lib/http/form-action";

/** E-mail and password in a plain form posting to a server action: works without JavaScript. */
export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, formAction, pending] = useActionState(signInAction, initialFormState() as SignInFormState);
  const t = useTranslations("signIn");
  const tErrors = useTranslations("errors");
  const message = useRef<HTMLParagraphElement>(null);
  // After a refusal, focus goes to the message, so a screen reader hears it and the keyboard starts there.
  useEffect(() => {
    if (state.status === "error") message.current?.focus();
  }, [state]);
  return (
    <form action={formAction} className="comment-form" key={state.submission}>
      <div role="status" aria-live="polite">
        {state.status === "error" && (
          <p className="notice notice--error" role="alert" tabIndex={-1} ref={message}>
            {tErrors(state.messageKey)}
            {state.retryAfterSeconds ? ` ${tErrors("retryIn", { seconds: state.retryAfterSeconds })}` : null}
          </p>
        )}
      </div>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div className="field">
        <label htmlFor="email">{t("email")}</label>
        <input id="email" name="email" type="email" required autoComplete="username" defaultValue={state.status === "error" ? state.values.email : undefined} />
      </div>
      <div className="field">
        <label htmlFor="password">{t("password")}</label>
        <input id="password" name="password" type="password" required autoComplete="current-password" />
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
