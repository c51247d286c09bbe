import { getTranslations } from "next-intl/server";
import { ClientTranslations } from "@/components/ClientTranslations";
import { SignInForm } from "@/components/dashboard/SignInForm";
import { safeReturnPath } from "@/lib/http/safe-return-path";

export const metadata = { robots: { index: false } };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; setup?: string; welcome?: string }> }) {
  const [t, { callbackUrl, setup, welcome }] = await Promise.all([getTranslations("signIn"), searchParams]);
  return (
    <>
      <h1>{t("title")}</h1>
      {(setup === "done" || welcome === "1") && <p className="notice notice--success">{setup === "done" ? t("setupDone") : t("welcome")}</p>}
      <ClientTranslations scope="signIn">
        <SignInForm callbackUrl={safeReturnPath(callbackUrl, "/dashboard")} />
      </ClientTranslations>
      <p className="muted">{t("help")}</p>
    </>
  );
}
