import { engineOf, type Database } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { prepareImage, storeImage } from "@/lib/assets/store-image";
import { recordAudit } from "@/lib/audit/record-audit";

/** An admin uploads (or removes, with `file` null and `remove`) the site's logo or favicon; audited. */
export async function updateSiteImage(options: { db: Database; actor: Actor | null; image: "logo" | "favicon"; file: Blob | null; remove?: boolean }) {
  const { db, actor, image } = options;
  assertCan(actor, "site:manage");
  const prepared = options.remove ? null : await prepareImage({ kind: image, file: options.file, field: image });
  return db.$transaction(async (tx) => {
    // The image in place now, read under the settings row's lock (created first if the site never saved any):
    // two uploads at once each delete the image they replaced, none is left behind.
    await tx.siteSettings.upsert({ where: { id: "site" }, create: { id: "site" }, update: {}, select: { id: true } });
    if (engineOf(tx) === "postgresql") await tx.$queryRaw`SELECT id FROM "SiteSettings" WHERE id = 'site' FOR UPDATE`;
    const previous = await tx.siteSettings.findUnique({ where: { id: "site" }, select: { logoAssetId: true, faviconAssetId: true } });
    const assetId = prepared ? (await storeImage(tx, prepared)).id : null;
    const column = image === "logo" ? "logoAssetId" : "faviconAssetId";
    await tx.siteSettings.upsert({ where: { id: "site" }, create: { id: "site", [column]: assetId }, update: { [column]: assetId }, select: { id: true } });
    const old = previous?.[column];
    if (old && old !== assetId) await tx.asset.deleteMany({ where: { id: old } });
    await recordAudit(tx, actor.id, { action: "settings.image", targetType: "SiteSettings", targetId: "site", details: { image, removed: assetId === null } });
    return { assetId };
  });
}
