import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/passwords";
import { lineText } from "@/lib/security/clean-text";

/** The fields of an account, shared by the command line, the invitation, the setup page and the profile page. */
export const emailField = z
  .string({ error: "emailRequired" })
  .trim()
  .min(1, { error: "emailRequired" })
  .max(254, { error: "emailTooLong" })
  .pipe(z.email({ error: "emailInvalid" }))
  .transform((email) => email.toLowerCase());

/** The public name, shown under the host's replies and on their badge. */
export const displayNameField = lineText(z.string({ error: "nameRequired" }).trim().min(1, { error: "nameRequired" }).max(100, { error: "nameTooLong" }));

export const passwordField = z
  .string({ error: "passwordTooShort" })
  .min(MIN_PASSWORD_LENGTH, { error: "passwordTooShort" })
  .max(200, { error: "passwordTooLong" });

export const roleField = z.enum(["ADMIN", "HOST"], { error: "roleInvalid" });
