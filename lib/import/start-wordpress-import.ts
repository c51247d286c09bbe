import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { enqueueJob } from "@/lib/jobs/job-queue";
import type { WordPressImportOptions } from "./plan-wordpress-import";

/**
 * The host confirms the preview: the import is queued for a worker (so a large site does not hold the request, and
 * any instance's worker can run it), once per upload and choice of categories — a double click queues it once.
 */
export async function startWordPressImport(options: { db: Database; actor: Actor | null; uploadId: string; options: WordPressImportOptions; now?: Date }) {
  const { db, actor } = options;
  assertCan(actor, "event:edit");
  const upload = await db.importUpload.findUnique({ where: { id: options.uploadId }, select: { id: true, summary: true } });
  if (!upload) throw new AppError("NOT_FOUND", "importUploadGone");
  const choice = {
    categories: [...(options.options.categories ?? [])].sort(),
    tags: [...(options.options.tags ?? [])].sort(),
    includeDrafts: Boolean(options.options.includeDrafts),
    includePages: Boolean(options.options.includePages),
  };
  const dedupeKey = `wordpress-import:${upload.id}:${JSON.stringify(choice)}`;
  await enqueueJob(db, {
    kind: "wordpress-import",
    dedupeKey,
    payload: { uploadId: upload.id, options: choice, actorId: actor.id },
    runAt: options.now ?? new Date(),
  });
  const job = await db.job.findUniqueOrThrow({ where: { dedupeKey }, select: { id: true } });
  return { jobId: job.id };
}
