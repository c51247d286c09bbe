import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignOutButton } from "@/components/dashboard/SignOutButton";
import { currentActor } from "@/lib/auth/current-actor";

export const metadata = { robots: { index: false } };

/** Sends anonymous visitors to the sign-in page; every action and use case checks again. */
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const actor = await currentActor();
  if (!actor) redirect("/sign-in?callbackUrl=/dashboard");
  const t = await getTranslations("dashboard");
  return (
    <div className="dashboard">
      <nav className="dashboard__nav" aria-label={t("title")}>
        <Link href="/dashboard">{t("overview")}</Link>
        <Link href="/dashboard/moderation">{t("moderation")}</Link>
        <Link href="/dashboard/mailbox">{t("mailbox")}</Link>
        <SignOutButton />
      </nav>
      {children}
    </div>
  );
}
