"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { safeReturnPath } from "@/lib/http/safe-return-path";
import { useState } from "react";

export function SignInForm() {
  const t = useTranslations("signIn");
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const searchParams = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  // onSubmit rather than a form action: React resets a form after an action, which would
  // empty the e-mail field after a mistyped password.
  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(formData.get("email") ?? ""),
      password: String(formData.get("password") ?? ""),
      redirect: false,
    });
    setPending(false);
    if (result?.ok && !result.error) {
      router.push(safeReturnPath(searchParams.get("callbackUrl"), "/dashboard"));
      router.refresh();
      return;
    }
    setError(result?.error === "tooManySignInAttempts" ? tErrors("tooManySignInAttempts") : t("invalid"));
  }

  return (
    <form onSubmit={submit} method="post" className="comment-form">
      <div role="status" aria-live="polite">
        {error && (
          <p className="notice notice--error" role="alert">
            {error}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="email">{t("email")}</label>
        <input id="email" name="email" type="email" required autoComplete="username" />
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
