import { z } from "zod";
import type { Database } from "@/lib/db/client";
import { locales } from "@/lib/i18n/locales";
import { AppError, invalidInput } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/passwords";
import { displayNameField, emailField, passwordField, roleField } from "./user-fields";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { getSiteSettings } from "@/lib/settings/site-settings";

export const userInputSchema = z.object({
  email: emailField,
  name: displayNameField,
  password: passwordField,
  role: roleField.default("HOST"),
  /** Language of the e-mails the person receives; the site's default unless given. */
  locale: z.enum(locales, { error: "localeInvalid" }).optional(),
});

/**
 * Creates a host or admin. `actor: "system"` is the command line (`npm run admin:create`), which
 * has the server's files and so needs no session; everyone else needs user:manage.
 */
export async function createUser(options: { db: Database; actor: Actor | null | "system"; input: unknown }) {
  const { db, actor } = options;
  if (actor !== "system") assertCan(actor, "user:manage");
  const parsed = userInputSchema.safeParse(options.input);
  if (!parsed.success) throw invalidInput(parsed.error.issues);
  const { email, name, password, role } = parsed.data;
  const locale = parsed.data.locale ?? (await getSiteSettings(db)).defaultLocale;
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) {
    throw new AppError("CONFLICT", "userExists");
  }
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email, name, passwordHash, role, locale }, select: { id: true, email: true, role: true } });
    await recordAudit(tx, actor === "system" ? null : actor.id, {
      action: "user.create",
      targetType: "User",
      targetId: user.id,
      details: { email, role, via: actor === "system" ? "command line" : "dashboard" },
    });
    return user;
  });
}
