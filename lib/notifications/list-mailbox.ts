import type { Database } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";

/** The dev mailbox: every e-mail the site produced, newest first (the only way to read them without SMTP). */
export async function listMailbox(options: { db: Database; actor: Actor | null; take?: number }) {
  const { db, actor, take = 100 } = options;
  assertCan(actor, "mailbox:read");
  return db.outboundEmail.findMany({
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, toAddress: true, subject: true, status: true, createdAt: true, kind: true },
  });
}
