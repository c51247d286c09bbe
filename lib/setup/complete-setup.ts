import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { AppError, invalidInput } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/passwords";
import { recordAudit } from "@/lib/audit/record-audit";
import { lineText } from "@/lib/security/clean-text";
import { displayNameField, emailField, passwordField } from "@/lib/users/user-fields";
import { hashSetupToken, SETUP_TOKEN_KEY } from "./setup-token";
import type { Locale } from "@/lib/i18n/locales";
import { getSiteSettings } from "@/lib/settings/site-settings";
import { setupIsOpen } from "./setup-is-open";

const setupInputSchema = z.object({
  organisationName: lineText(
    z.string({ error: "organisationNameRequired" }).trim().min(1, { error: "organisationNameRequired" }).max(120, { error: "organisationNameTooLong" }),
  ),
  name: displayNameField,
  email: emailField,
  password: passwordField,
});

/**
 * The first admin and the organisation's name, from the one-time link `npm start` printed. The token is consumed
 * in the same transaction as the account is created, so the page works once — a replayed or raced link is
 * refused — and never again once an account exists.
 */
export async function completeSetup(options: { db: Database; token: unknown; input: unknown; locale?: Locale; now?: Date }) {
  const { db } = options;
  const now = options.now ?? new Date();
  if (typeof options.token !== "string" || options.token.length > 100) throw new AppError("NOT_FOUND", "setupClosed");
  const parsed = setupInputSchema.safeParse(options.input);
  if (!parsed.success) throw invalidInput(parsed.error.issues);
  const { organisationName, name, email, password } = parsed.data;
  // The slow password hash only for a link that can still work: a closed setup costs nothing to probe.
  if (!(await setupIsOpen({ db, token: options.token }))) throw new AppError("NOT_FOUND", "setupClosed");
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const { count } = await tx.setting.deleteMany({ where: { key: SETUP_TOKEN_KEY, value: hashSetupToken(options.token as string) } });
    if (count === 0 || (await tx.user.count()) > 0) throw new AppError("NOT_FOUND", "setupClosed");
    const user = await tx.user.create({
      data: { email, name, passwordHash, role: "ADMIN", locale: options.locale ?? (await getSiteSettings(tx)).defaultLocale, createdAt: now },
      select: { id: true, email: true },
    });
    await tx.siteSettings.upsert({ where: { id: "site" }, create: { id: "site", organisationName }, update: { organisationName }, select: { id: true } });
    await recordAudit(tx, user.id, { action: "user.create", targetType: "User", targetId: user.id, details: { email, role: "ADMIN", via: "setup" } }, now);
    return user;
  });
}
