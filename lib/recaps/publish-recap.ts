import type { Database } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { isLocale } from "@/lib/i18n/locales";
import { recapExcerpt, recapPublishedEmail } from "@/lib/notifications/templates/recap-published";
import { manageToken } from "./manage-token";

const INSERT_CHUNK = 500;

/**
 * Publishes an event's recap and, in the same transaction, writes one notification per confirmed
 * requester (the outbox). The dedupe key (recap, request) makes publishing again, or after an edit,
 * notify nobody twice; people who confirmed since the last publication are notified then.
 */
export async function publishRecap(options: { db: Database; actor: Actor | null; eventSlug: string; now?: Date }) {
  const { db, actor, eventSlug } = options;
  assertCan(actor, "recap:publish");
  const now = options.now ?? new Date();
  const event = await db.event.findUnique({
    where: { slug: eventSlug },
    select: {
      id: true,
      slug: true,
      title: true,
      recap: { select: { id: true, body: true, publishedAt: true, links: { orderBy: { position: "asc" }, select: { kind: true, title: true, url: true } } } },
    },
  });
  if (!event) throw new AppError("NOT_FOUND", "eventNotFound");
  if (!event.recap) throw new AppError("INVALID", "recapMissing");
  const recap = event.recap;
  const recapUrl = `${env.SITE_URL}/events/${event.slug}#recap`;
  const excerpt = recapExcerpt(recap.body);

  return db.$transaction(
    async (tx) => {
      await tx.recap.update({ where: { id: recap.id }, data: { status: "PUBLISHED", publishedAt: recap.publishedAt ?? now } });
      const requesters = await tx.recapRequest.findMany({
        where: { eventId: event.id, status: "CONFIRMED" },
        select: { id: true, email: true, name: true, locale: true },
      });
      const alreadyNotified = new Set(
        (await tx.outboundEmail.findMany({ where: { recapId: recap.id }, select: { recapRequestId: true } })).map((row) => row.recapRequestId),
      );
      const notifications = requesters
        .filter((requester) => !alreadyNotified.has(requester.id))
        .map((requester) => {
          const manageUrl = `${env.SITE_URL}/recap-requests/manage?token=${manageToken(env.APP_SECRET, requester.id)}`;
          const unsubscribeUrl = `${env.SITE_URL}/api/recap-requests/unsubscribe?token=${manageToken(env.APP_SECRET, requester.id)}`;
          const mail = recapPublishedEmail({
            locale: isLocale(requester.locale) ? requester.locale : env.DEFAULT_LOCALE,
            eventTitle: event.title,
            recapUrl,
            excerpt,
            links: recap.links,
            manageUrl,
            name: requester.name,
          });
          return {
            kind: "recap-published",
            dedupeKey: `recap-published:${recap.id}:${requester.id}`,
            toAddress: requester.email,
            subject: mail.subject,
            textBody: mail.text,
            htmlBody: mail.html,
            // RFC 8058 one-click unsubscribe.
            headers: JSON.stringify({ "List-Unsubscribe": `<${unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" }),
            recapId: recap.id,
            recapRequestId: requester.id,
            createdAt: now,
            nextAttemptAt: now,
          };
        });
      for (let index = 0; index < notifications.length; index += INSERT_CHUNK) {
        await tx.outboundEmail.createMany({ data: notifications.slice(index, index + INSERT_CHUNK) });
      }
      await tx.auditLog.create({
        data: { actorId: actor.id, action: "recap.publish", targetType: "Recap", targetId: recap.id, details: JSON.stringify({ notified: notifications.length }) },
      });
      return { recapId: recap.id, notified: notifications.length };
    },
    { timeout: 120_000 },
  );
}
