import { getLocale, getTranslations } from "next-intl/server";
import { InviteHostForm } from "@/components/dashboard/InviteHostForm";
import { forPage, pageActor } from "@/lib/auth/page-access";
import { db } from "@/lib/db/client";
import { formatShortDate } from "@/lib/i18n/format-dates";
import type { Locale } from "@/lib/i18n/locales";
import { isKeyOf, knownErrorKey, messagesByLocale } from "@/lib/i18n/messages";
import { siteSettingsForRequest } from "@/lib/settings/site-settings-for-request";
import { listUsers } from "@/lib/users/list-users";
import { accountAction, revokeInvitationAction } from "./actions";

type Props = { searchParams: Promise<{ done?: string; error?: string }> };

/** The site's hosts: invite one, disable, re-enable or remove an account, change roles. */
export default async function UsersPage({ searchParams }: Props) {
  const actor = await pageActor();
  const [{ users, invitations }, t, tErrors, locale, outcome, { timeZone }] = await Promise.all([
    forPage(listUsers({ db, actor })),
    getTranslations("users"),
    getTranslations("errors"),
    getLocale() as Promise<Locale>,
    searchParams,
    siteSettingsForRequest(),
  ]);
  const button = (userId: string, action: string, label: string, quiet = true) => (
    <form action={accountAction}>
      <input type="hidden" name="userId" value={userId} />
      <button type="submit" name="action" value={action} className={quiet ? "button button--quiet button--small" : "button button--small"}>
        {label}
      </button>
    </form>
  );
  return (
    <>
      <h1>{t("title")}</h1>
      <div role="status" aria-live="polite">
        {isKeyOf(messagesByLocale.en.users.done, outcome.done) && <p className="notice notice--success">{t(`done.${outcome.done}`)}</p>}
        {outcome.error && (
          <p className="notice notice--error" role="alert">
            {tErrors(knownErrorKey(outcome.error))}
          </p>
        )}
      </div>
      <section aria-labelledby="invite-heading">
        <h2 id="invite-heading">{t("inviteTitle")}</h2>
        <InviteHostForm />
        {invitations.length > 0 && (
          <>
            <h3>{t("pending")}</h3>
            <ul>
              {invitations.map((invitation) => (
                <li key={invitation.id} className="row-actions" data-invitation={invitation.email}>
                  <span>
                    {invitation.email} — {t(`roleName.${invitation.role}`)} ·{" "}
                    {t("validUntil", { date: formatShortDate(invitation.expiresAt, timeZone, locale) })}
                  </span>
                  <form action={revokeInvitationAction}>
                    <input type="hidden" name="invitationId" value={invitation.id} />
                    <button type="submit" className="button button--quiet button--small">
                      {t("revokeInvitation")}
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section aria-labelledby="accounts-heading">
        <h2 id="accounts-heading">{t("accounts")}</h2>
        <div className="table-wrap">
          <table className="table table--cards">
            <thead>
              <tr>
                <th scope="col">{t("name")}</th>
                <th scope="col">{t("role.title")}</th>
                <th scope="col">{t("state")}</th>
                <th scope="col">{t("actions")}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id} data-user={user.email}>
                  <td data-label={t("name")}>
                    {user.name}
                    <br />
                    <span className="muted">{user.email}</span>
                  </td>
                  <td data-label={t("role.title")}>{t(`roleName.${user.role}`)}</td>
                  <td data-label={t("state")}>{user.disabledAt ? t("disabled") : t("active")}</td>
                  <td className="row-actions" data-label={t("actions")}>
                    {user.role === "HOST" ? button(user.id, "make-admin", t("makeAdmin")) : button(user.id, "make-host", t("makeHost"))}
                    {user.disabledAt ? button(user.id, "enable", t("enable")) : button(user.id, "disable", t("disable"))}
                    {user.id !== actor?.id && (
                      <details className="confirm-inline">
                        <summary className="button button--quiet button--small">{t("remove")}</summary>
                        <p>{t("removeConfirm", { name: user.name })}</p>
                        <form action={accountAction}>
                          <input type="hidden" name="userId" value={user.id} />
                          <button type="submit" name="action" value="remove" className="button button--danger button--small">
                            {t("removeButton")}
                          </button>
                        </form>
                      </details>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
