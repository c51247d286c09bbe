import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientTranslations } from "@/components/ClientTranslations";
import { SignOutButton } from "@/components/dashboard/SignOutButton";
import { pageActor } from "@/lib/auth/page-access";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";

export const metadata = { robots: { index: false } };

/** Sends anonymous visitors to the sign-in page; every action and use case checks again. */
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const actor = await pageActor();
  const [t, user] = await Promise.all([getTranslations("dashboard"), db.user.findUnique({ where: { id: actor.id }, select: { name: true } })]);
  return (
    <ClientTranslations scope="dashboard">
      <div className="dashboard">
        <nav className="dashboard__nav" aria-label={t("title")}>
          <Link href="/dashboard">{t("overview")}</Link>
          <Link href="/dashboard/moderation">{t("moderation")}</Link>
          <Link href="/dashboard/mailbox">{t("mailbox")}</Link>
          {can(actor, "event:edit") && <Link href="/dashboard/import">{t("importNav")}</Link>}
          {can(actor, "user:manage") && <Link href="/dashboard/users">{t("users")}</Link>}
          {can(actor, "site:manage") && <Link href="/dashboard/settings">{t("settings")}</Link>}
          {can(actor, "audit:read") && <Link href="/dashboard/audit">{t("audit")}</Link>}
          <Link href="/dashboard/account">{t("account")}</Link>
          <span className="dashboard__who muted">{t("signedInAs", { name: user?.name ?? "" })}</span>
          <SignOutButton />
        </nav>
        {children}
      </div>
    </ClientTranslations>
  );
}
