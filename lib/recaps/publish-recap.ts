import type { Database } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { hashBody } from "@/lib/comments/hash";
import { isLocale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/messages";
import { recapExcerpt, recapPublishedEmail } from "@/lib/notifications/templates/recap-published";
import { manageToken } from "./manage-token";

const INSERT_CHUNK = 500;

/**
 * Publishes an event's recap and, in the same transaction, writes one notification per confirmed
 * requester (the outbox). The dedupe key (recap, request) makes publishing again, or after an edit,
 * notify nobody twice; people who confirmed since the last publication are notified then.
 * With `replyToAskers`, the host also answers, in the event's language, under every approved comment
 * that asked for the recap ("le compte rendu est en ligne : …") — once per comment, ever.
 */
export async function publishRecap(options: { db: Database; actor: Actor | null; eventSlug: string; replyToAskers?: boolean; now?: Date }) {
  const { db, actor, eventSlug } = options;
  assertCan(actor, "recap:publish");
  const now = options.now ?? new Date();
  const event = await db.event.findUnique({
    where: { slug: eventSlug },
    select: {
      id: true,
      slug: true,
      title: true,
      language: true,
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
      const replied = options.replyToAskers ? await replyUnderAskingComments(tx, { eventId: event.id, language: event.language, recapUrl, actorId: actor.id, now }) : 0;
      await tx.auditLog.create({
        data: {
          actorId: actor.id,
          action: "recap.publish",
          targetType: "Recap",
          targetId: recap.id,
          details: JSON.stringify({ notified: notifications.length, repliedUnderComments: replied }),
        },
      });
      return { recapId: recap.id, notified: notifications.length, replied };
    },
    { timeout: 120_000 },
  );
}

type Transaction = Parameters<Parameters<Database["$transaction"]>[0]>[0];

/** The host's "the recap is online" reply under each approved recap-asking comment not yet answered so. */
async function replyUnderAskingComments(
  tx: Transaction,
  options: { eventId: string; language: string; recapUrl: string; actorId: string; now: Date },
): Promise<number> {
  const host = await tx.user.findUniqueOrThrow({ where: { id: options.actorId }, select: { name: true, email: true } });
  const asking = await tx.comment.findMany({
    where: { eventId: options.eventId, status: "APPROVED", asksForRecap: true, replies: { none: { isRecapNotice: true } } },
    select: { id: true },
  });
  const t = translatorFor(isLocale(options.language) ? options.language : env.DEFAULT_LOCALE);
  const body = t("recaps.hostReply", { url: options.recapUrl });
  if (asking.length > 0) {
    await tx.comment.createMany({
      data: asking.map((comment) => ({
        eventId: options.eventId,
        parentId: comment.id,
        authorName: host.name,
        authorEmail: host.email,
        authorUserId: options.actorId,
        body,
        bodyHash: hashBody(body),
        status: "APPROVED" as const,
        isRecapNotice: true,
        ipHash: "host",
        createdAt: options.now,
      })),
    });
  }
  return asking.length;
}
