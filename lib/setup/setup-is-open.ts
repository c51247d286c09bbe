import type { Database } from "@/lib/db/client";
import { hashSetupToken, SETUP_TOKEN_KEY } from "./setup-token";

/** Whether the setup page may still be used: no account yet, and the link's token is the current one. */
export async function setupIsOpen(options: { db: Database; token: unknown }): Promise<boolean> {
  if (typeof options.token !== "string" || (await options.db.user.count()) > 0) return false;
  const stored = await options.db.setting.findUnique({ where: { key: SETUP_TOKEN_KEY }, select: { value: true } });
  return stored?.value === hashSetupToken(options.token);
}
