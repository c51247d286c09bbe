import type { Database } from "@/lib/db/client";
import { env } from "@/lib/env";

export type RetentionWindows = { loginAttemptsDays: number; emailBodiesDays: number; clientDataDays: number };

export const DEFAULT_RETENTION: RetentionWindows = {
  loginAttemptsDays: env.RETENTION_LOGIN_ATTEMPTS_DAYS,
  emailBodiesDays: env.RETENTION_EMAIL_BODIES_DAYS,
  clientDataDays: env.RETENTION_CLIENT_DATA_DAYS,
};

const DAY = 86_400_000;

/**
 * The daily `retention` job: keeps personal data no longer than it serves.
 * - sign-in attempts: deleted after `loginAttemptsDays` (a record only: sign-in limits are counted elsewhere);
 * - e-mail bodies: erased `emailBodiesDays` after sending (the status rows stay for the delivery report);
 * - IP hashes and user agents of comments and recap requests: erased after `clientDataDays`;
 * - unconfirmed recap requests: deleted, with their confirmation e-mails, once their link has expired;
 * - finished (DONE) jobs: deleted 30 days after they finished;
 * - images nothing shows any more (a cover or logo left by a failed save): deleted after a day;
 * - WordPress exports uploaded from the dashboard (they hold commenters' addresses): deleted after a day.
 */
export async function applyRetention(options: { db: Database; now: Date; windows?: RetentionWindows }) {
  const { db, now } = options;
  const windows = options.windows ?? DEFAULT_RETENTION;
  const before = (days: number) => new Date(now.getTime() - days * DAY);
  return db.$transaction(async (tx) => {
    const loginAttempts = await tx.loginAttempt.deleteMany({ where: { createdAt: { lt: before(windows.loginAttemptsDays) } } });
    const emailBodies = await tx.outboundEmail.updateMany({
      where: { sentAt: { lt: before(windows.emailBodiesDays) }, OR: [{ textBody: { not: null } }, { htmlBody: { not: null } }] },
      data: { textBody: null, htmlBody: null },
    });
    const comments = await tx.comment.updateMany({
      where: { createdAt: { lt: before(windows.clientDataDays) }, OR: [{ ipHash: { not: "" } }, { userAgent: { not: null } }] },
      data: { ipHash: "", userAgent: null },
    });
    const requests = await tx.recapRequest.updateMany({
      where: { consentAt: { lt: before(windows.clientDataDays) }, consentIpHash: { not: "" } },
      data: { consentIpHash: "" },
    });
    const expired = { status: "UNCONFIRMED" as const, confirmTokenExpiresAt: { lt: now } };
    await tx.outboundEmail.deleteMany({ where: { recapRequest: expired } });
    const unconfirmed = await tx.recapRequest.deleteMany({ where: expired });
    await tx.job.deleteMany({ where: { status: "DONE", finishedAt: { lt: before(30) } } });
    await tx.importUpload.deleteMany({ where: { createdAt: { lt: before(1) } } });
    const images = await tx.asset.deleteMany({ where: { createdAt: { lt: before(1) }, logoOf: { none: {} }, faviconOf: { none: {} }, coverOf: { none: {} } } });
    return {
      loginAttempts: loginAttempts.count,
      emailBodies: emailBodies.count,
      commentClientData: comments.count,
      requestIpHashes: requests.count,
      unconfirmedRequests: unconfirmed.count,
      unusedImages: images.count,
    };
  });
}
