import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/dashboard/SignInForm";

export const metadata = { robots: { index: false } };

export default async function SignInPage() {
  const t = await getTranslations("signIn");
  return (
    <>
      <h1>{t("title")}</h1>
      <Suspense>
        <SignInForm />
      </Suspense>
      <p className="muted">{t("help")}</p>
    </>
  );
}
