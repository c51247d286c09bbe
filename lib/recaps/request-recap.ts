import type { Database } from "@/lib/db/client";
import { hashIp } from "@/lib/comments/hash";
import { env } from "@/lib/env";
import { AppError, invalidInput } from "@/lib/errors";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/messages";
import { check, consume } from "@/lib/security/rate-limits";
import { CONSENT_WORDING_VERSION, recapRequestInputSchema } from "./recap-request-input";
import { getSiteSettings } from "@/lib/settings/site-settings";
import { RECAP_REQUEST_LIMITS } from "./recap-request-limits";

export { RECAP_REQUEST_LIMITS };

export type RequestRecapOptions = {
  db: Database;
  eventSlug: string;
  input: unknown;
  client: { ip: string };
  /** The visitor's interface language, used when the input names none; else the site's language. */
  fallbackLocale?: Locale;
  form?: { honeypot?: string | null };
  now?: Date;
};

/**
 * "Send me the recap": records the request and queues a confirmation e-mail (double opt-in).
 * Answers the same whether or not the address is known; the limits that protect strangers'
 * inboxes quietly send nothing, and a refused attempt writes nothing.
 */
export async function requestRecap(options: RequestRecapOptions): Promise<void> {
  const { db, eventSlug, client, form } = options;
  const now = options.now ?? new Date();
  const parsed = recapRequestInputSchema.safeParse(options.input);
  if (!parsed.success) throw invalidInput(parsed.error.issues);
  const { email, name } = parsed.data;
  const locale: Locale = parsed.data.locale ?? (isLocale(options.fallbackLocale) ? options.fallbackLocale : (await getSiteSettings(db)).defaultLocale);

  // A bot filled the hidden field: look successful, do nothing.
  if (form?.honeypot) return;

  const event = await db.event.findFirst({ where: { slug: eventSlug, status: "PUBLISHED" }, select: { id: true, title: true, slug: true } });
  if (!event) throw new AppError("NOT_FOUND", "eventNotFound");

  // Limits are counted atomically (lib/security/rate-limits.ts): requests arriving together cannot all pass.
  const ipHash = hashIp(env.APP_SECRET, client.ip);
  const fromThisIp = await consume(db, "recapRequestsPerIpPerHour", ipHash);
  if (!fromThisIp.allowed) throw new AppError("RATE_LIMITED", "tooManyRecapRequests", { retryAfterSeconds: fromThisIp.retryAfterSeconds });
  const siteWide = await check(db, "confirmationsSiteWidePerHour", "site");
  if (!siteWide.allowed) throw new AppError("RATE_LIMITED", "confirmationCapReached", { retryAfterSeconds: siteWide.retryAfterSeconds });

  const existing = await db.recapRequest.findUnique({ where: { eventId_email: { eventId: event.id, email } }, select: { status: true } });
  if (existing?.status === "CONFIRMED") return;
  // These protect a stranger's inbox: past them the answer is the same, and nothing is sent.
  if (!(await consume(db, "confirmationPerAddressAndEvent", `${event.id}:${email}`)).allowed) return;
  if (!(await consume(db, "confirmationsPerAddressPerDay", email)).allowed) return;
  const cap = await consume(db, "confirmationsSiteWidePerHour", "site");
  if (!cap.allowed) throw new AppError("RATE_LIMITED", "confirmationCapReached", { retryAfterSeconds: cap.retryAfterSeconds });

  const request = {
    name: name ?? null,
    locale,
    status: "UNCONFIRMED" as const,
    withdrawnAt: null,
    confirmTokenExpiresAt: new Date(now.getTime() + RECAP_REQUEST_LIMITS.tokenValidityDays * 86_400_000),
    consentAt: now,
    consentIpHash: ipHash,
    consentWordingVersion: CONSENT_WORDING_VERSION,
    lastConfirmationSentAt: now,
  };

  // The request and its e-mail are written together: no mail without a request, no request without its mail.
  // The e-mail's link is signed over the request's id and this moment, and built when the e-mail is sent.
  await db.$transaction(async (tx) => {
    const saved = await tx.recapRequest.upsert({
      where: { eventId_email: { eventId: event.id, email } },
      create: { eventId: event.id, email, createdAt: now, ...request },
      update: request,
      select: { id: true },
    });
    // A confirmation not yet sent is replaced by this one: the person gets one e-mail, with the link that works.
    await tx.outboundEmail.updateMany({
      where: { recapRequestId: saved.id, kind: "recap-request-confirmation", status: { in: ["PENDING", "CLAIMED"] } },
      data: { status: "CANCELLED", lastError: "replaced by a newer confirmation", leaseOwner: null, leaseExpiresAt: null },
    });
    await tx.outboundEmail.create({
      data: {
        kind: "recap-request-confirmation",
        payload: JSON.stringify({ issuedAt: now.getTime() }),
        dedupeKey: `recap-request-confirmation:${saved.id}:${now.getTime()}`,
        toAddress: email,
        locale,
        subject: translatorFor(locale, "emails.recapConfirmation")("subject", { event: event.title }),
        recapRequestId: saved.id,
        createdAt: now,
        nextAttemptAt: now,
      },
    });
  });
}
