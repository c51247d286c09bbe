import type { Database } from "@/lib/db/client";
import { invalidInput } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { siteSettingsInputSchema } from "./site-settings-input";

/** An admin saves the organisation's settings; effective on every instance at once; audited with what changed. */
export async function updateSiteSettings(options: { db: Database; actor: Actor | null; input: unknown }) {
  const { db, actor } = options;
  assertCan(actor, "site:manage");
  const parsed = siteSettingsInputSchema.safeParse(options.input);
  if (!parsed.success) throw invalidInput(parsed.error.issues);
  const data = parsed.data;
  return db.$transaction(async (tx) => {
    const before = await tx.siteSettings.findUnique({ where: { id: "site" } });
    const changed = (Object.keys(data) as (keyof typeof data)[]).filter((key) => before?.[key] !== data[key]);
    await tx.siteSettings.upsert({ where: { id: "site" }, create: { id: "site", ...data }, update: data, select: { id: true } });
    await recordAudit(tx, actor.id, { action: "settings.update", targetType: "SiteSettings", targetId: "site", details: { changed } });
    return { changed };
  });
}
