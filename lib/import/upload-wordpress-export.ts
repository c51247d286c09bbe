import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { MAX_UPLOAD_WXR_BYTES } from "./import-limits";
import { parseWxr } from "./parse-wxr";

/**
 * A host uploads a WordPress export from the dashboard: checked as a WordPress export at once (a wrong or hostile
 * file is refused here, with its message), then kept for the preview and the import.
 */
export async function uploadWordPressExport(options: { db: Database; actor: Actor | null; file: Blob | null; now?: Date }) {
  const { db, actor, file } = options;
  assertCan(actor, "event:edit");
  if (!file || file.size === 0) throw new AppError("INVALID", "invalidFields", { fieldErrors: { file: ["importFileRequired"] } });
  if (file.size > MAX_UPLOAD_WXR_BYTES) throw new AppError("INVALID", "invalidFields", { fieldErrors: { file: ["importTooLargeForUpload"] } });
  const xml = await file.text();
  try {
    parseWxr(xml);
  } catch (error) {
    if (error instanceof AppError) throw new AppError("INVALID", "invalidFields", { fieldErrors: { file: [error.messageKey] } });
    throw error;
  }
  const name = file instanceof File ? file.name : "export.xml";
  return db.importUpload.create({ data: { xml, fileName: name.slice(0, 200), userId: actor.id, createdAt: options.now ?? new Date() }, select: { id: true } });
}
