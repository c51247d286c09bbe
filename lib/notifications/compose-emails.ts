import type { Database } from "@/lib/db/client";
import { env } from "@/lib/env";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { confirmationUrl, manageUrl, unsubscribeUrl } from "@/lib/recaps/recap-request-links";
import { getSiteSettings, type SiteSettings } from "@/lib/settings/site-settings";
import { invitationUrl } from "@/lib/users/invitation-links";
import { digestOptOutUrl } from "./digest-links";
import { hostDigestEmail, type DigestEvent } from "./templates/host-digest";
import { hostInvitationEmail } from "./templates/host-invitation";
import { recapPublishedEmails } from "./templates/recap-published";
import { recapRequestConfirmationEmail } from "./templates/recap-request-confirmation";
import type { EmailBrand } from "./templates/render-email";

/** An outbox row as the worker holds it. */
export type OutboxRow = {
  id: string;
  kind: string;
  toAddress: string;
  locale: string;
  payload: string;
  recapRequestId: string | null;
  recapId: string | null;
  userId: string | null;
};

export type ComposedEmail = { subject: string; text: string; html: string; headers: Record<string, string> };

/** What to do with a row: send this message, or cancel it because its reason went away. */
export type Composition = { email: ComposedEmail } | { cancel: string };

/** The organisation as its e-mails show it: name, logo (served by its own site), colour. */
export function brandOf(settings: SiteSettings): EmailBrand {
  return {
    organisationName: settings.organisationName,
    logoUrl: settings.logoAssetId ? `${settings.publicUrl}/assets/${settings.logoAssetId}` : null,
    accentColor: settings.accentColor,
  };
}

/**
 * Renders outbox rows into messages at sending time, reading what they need in a few queries for the
 * whole batch, with the organisation's name, logo and public address as they are now. Links carrying a
 * credential (confirmation, manage, unsubscribe, opt-out, invitation) are built here and never stored; a row
 * whose reason went away (request withdrawn or already confirmed, recap or event unpublished, host opted out,
 * invitation used) is cancelled rather than sent.
 */
export async function composeEmails(db: Database, rows: OutboxRow[], now: Date, siteSettings?: SiteSettings): Promise<Map<string, Composition>> {
  const settings = siteSettings ?? (await getSiteSettings(db));
  const brand = brandOf(settings);
  const site = settings.publicUrl;
  const requestIds = unique(rows.map((row) => row.recapRequestId));
  const recapIds = unique(rows.map((row) => row.recapId));
  const userIds = unique(rows.map((row) => row.userId));
  const invitationIds = unique(
    rows.filter((row) => row.kind === "host-invitation").map((row) => (JSON.parse(row.payload) as { invitationId?: string }).invitationId ?? null),
  );
  const [requests, recaps, users, invitations] = await Promise.all([
    requestIds.length
      ? db.recapRequest.findMany({
          where: { id: { in: requestIds } },
          select: {
            id: true,
            name: true,
            status: true,
            lastConfirmationSentAt: true,
            confirmTokenExpiresAt: true,
            event: { select: { title: true, status: true } },
          },
        })
      : [],
    recapIds.length
      ? db.recap.findMany({
          where: { id: { in: recapIds } },
          select: {
            id: true,
            body: true,
            status: true,
            event: { select: { slug: true, title: true, status: true } },
            links: { orderBy: { position: "asc" }, select: { kind: true, title: true, url: true } },
          },
        })
      : [],
    userIds.length ? db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, digestOptOut: true } }) : [],
    invitationIds.length
      ? db.invitation.findMany({
          where: { id: { in: invitationIds } },
          select: { id: true, expiresAt: true, acceptedAt: true, revokedAt: true, invitedBy: { select: { name: true } } },
        })
      : [],
  ]);
  const invitationById = new Map(invitations.map((invitation) => [invitation.id, invitation]));
  const requestById = new Map(requests.map((request) => [request.id, request]));
  const recapById = new Map(recaps.map((recap) => [recap.id, recap]));
  const userById = new Map(users.map((user) => [user.id, user]));

  // The recap e-mail is prepared once per recap and language, then completed for each person.
  const recapEmails = new Map<string, ReturnType<typeof recapPublishedEmails>>();
  const recapEmailsFor = (recap: (typeof recaps)[number], locale: Locale) => {
    const key = `${recap.id}|${locale}`;
    let prepared = recapEmails.get(key);
    if (!prepared) {
      prepared = recapPublishedEmails({
        locale,
        brand,
        eventTitle: recap.event.title,
        recapUrl: `${site}/events/${recap.event.slug}#recap`,
        recapMarkdown: recap.body,
        links: recap.links,
      });
      recapEmails.set(key, prepared);
    }
    return prepared;
  };

  const compositions = new Map<string, Composition>();
  for (const row of rows) {
    const locale: Locale = isLocale(row.locale) ? row.locale : env.DEFAULT_LOCALE;
    const request = row.recapRequestId ? requestById.get(row.recapRequestId) : undefined;
    let composition: Composition;
    switch (row.kind) {
      case "recap-request-confirmation": {
        if (!request) composition = { cancel: "request erased" };
        else if (request.status !== "UNCONFIRMED") composition = { cancel: `request ${request.status.toLowerCase()}` };
        else if (request.event.status !== "PUBLISHED") composition = { cancel: "event unpublished" };
        else if (request.confirmTokenExpiresAt <= now) composition = { cancel: "confirmation link expired" };
        else if (issuedAt(row) !== undefined && issuedAt(row) !== request.lastConfirmationSentAt.getTime())
          composition = { cancel: "replaced by a newer confirmation" };
        else {
          const mail = recapRequestConfirmationEmail({
            locale,
            brand,
            eventTitle: request.event.title,
            confirmUrl: confirmationUrl(request, site),
            name: request.name,
          });
          composition = { email: { ...mail, headers: {} } };
        }
        break;
      }
      case "recap-published": {
        const recap = row.recapId ? recapById.get(row.recapId) : undefined;
        if (!request) composition = { cancel: "request erased" };
        else if (request.status !== "CONFIRMED") composition = { cancel: `request ${request.status.toLowerCase()}` };
        else if (recap?.status !== "PUBLISHED" || recap.event.status !== "PUBLISHED") composition = { cancel: "recap unpublished" };
        else {
          const mail = recapEmailsFor(recap, locale)({ manageUrl: manageUrl(request.id, site), name: request.name });
          // RFC 8058 one-click unsubscribe.
          const headers = { "List-Unsubscribe": `<${unsubscribeUrl(request.id, site)}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
          composition = { email: { ...mail, headers } };
        }
        break;
      }
      case "host-digest": {
        const user = row.userId ? userById.get(row.userId) : undefined;
        if (!user) composition = { cancel: "account removed" };
        else if (user.digestOptOut) composition = { cancel: "digest turned off" };
        else {
          const { events } = JSON.parse(row.payload) as { events: DigestEvent[] };
          // Paths are made absolute now, with the site's address as it is when the e-mail leaves.
          const linked = events.map((event) => ({ ...event, editorUrl: event.editorUrl.startsWith("/") ? `${site}${event.editorUrl}` : event.editorUrl }));
          const mail = hostDigestEmail({ locale, brand, name: user.name, events: linked, optOutUrl: digestOptOutUrl(user.id, "page", site) });
          composition = {
            email: {
              ...mail,
              headers: { "List-Unsubscribe": `<${digestOptOutUrl(user.id, "one-click", site)}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
            },
          };
        }
        break;
      }
      case "host-invitation": {
        const invitation = invitationById.get((JSON.parse(row.payload) as { invitationId?: string }).invitationId ?? "");
        if (!invitation) composition = { cancel: "invitation withdrawn" };
        else if (invitation.acceptedAt) composition = { cancel: "invitation already used" };
        else if (invitation.revokedAt) composition = { cancel: "invitation withdrawn" };
        else if (invitation.expiresAt <= now) composition = { cancel: "invitation expired" };
        else {
          const mail = hostInvitationEmail({ locale, brand, inviterName: invitation.invitedBy?.name ?? null, acceptUrl: invitationUrl(invitation, site) });
          composition = { email: { ...mail, headers: {} } };
        }
        break;
      }
      default:
        composition = { cancel: `unknown kind ${row.kind}` };
    }
    // A reader who answers an e-mail reaches the organisation, not the sending robot's address.
    if ("email" in composition && settings.contactEmail) composition.email.headers = { ...composition.email.headers, "Reply-To": settings.contactEmail };
    compositions.set(row.id, composition);
  }
  return compositions;
}

/** Credentials in links are replaced before a message is stored or shown to a host. */
export function redactCredentials(text: string): string {
  return text.replace(/([?&](?:amp;)?token=)[A-Za-z0-9_.-]+/g, "$1[…]");
}

/** When the confirmation this row carries was issued (rows written before it was recorded have none). */
function issuedAt(row: OutboxRow): number | undefined {
  return (JSON.parse(row.payload) as { issuedAt?: number }).issuedAt;
}

function unique(values: (string | null)[]): string[] {
  return [...new Set(values.filter((value): value is string => value !== null))];
}
