import Link from "next/link";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignOutButton } from "@/components/dashboard/SignOutButton";
import { currentActor } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";

export const metadata = { robots: { index: false } };

/** A dashboard path to come back to after signing in; anything else means the overview. */
function returnPath(path: string | null): string {
  if (!path || !/^\/dashboard(\/[\w\-/]*)?(\?[\w\-=&%.]*)?$/.test(path)) return "/dashboard";
  const url = new URL(path, "http://internal");
  url.searchParams.delete("_rsc"); // Next.js's client-navigation marker
  return url.pathname + url.search;
}

/** Sends anonymous visitors to the sign-in page; every action and use case checks again. */
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const actor = await currentActor();
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnPath((await headers()).get("x-debrief-path")))}`);
  const [t, user] = await Promise.all([getTranslations("dashboard"), db.user.findUnique({ where: { id: actor.id }, select: { name: true } })]);
  return (
    <div className="dashboard">
      <nav className="dashboard__nav" aria-label={t("title")}>
        <Link href="/dashboard">{t("overview")}</Link>
        <Link href="/dashboard/moderation">{t("moderation")}</Link>
        <Link href="/dashboard/mailbox">{t("mailbox")}</Link>
        {can(actor, "user:manage") && <Link href="/dashboard/users">{t("users")}</Link>}
        {can(actor, "site:manage") && <Link href="/dashboard/settings">{t("settings")}</Link>}
        {can(actor, "audit:read") && <Link href="/dashboard/audit">{t("audit")}</Link>}
        <Link href="/dashboard/account">{t("account")}</Link>
        <span className="dashboard__who muted">{t("signedInAs", { name: user?.name ?? "" })}</span>
        <SignOutButton />
      </nav>
      {children}
    </div>
  );
}
