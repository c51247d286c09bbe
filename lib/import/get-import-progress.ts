import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import type { WordPressImportSummary } from "./import-wordpress";

/** The progress bar and, once done, the summary of a dashboard import. */
export async function getImportProgress(options: { db: Database; actor: Actor | null; uploadId: string; jobId: string }) {
  assertCan(options.actor, "event:edit");
  const [job, upload] = await Promise.all([
    options.db.job.findFirst({
      where: { id: options.jobId, kind: "wordpress-import", dedupeKey: { startsWith: `wordpress-import:${options.uploadId}:` } },
      select: { status: true, progress: true, total: true, lastError: true },
    }),
    options.db.importUpload.findUnique({ where: { id: options.uploadId }, select: { summary: true } }),
  ]);
  if (!job) throw new AppError("NOT_FOUND", "importUploadGone");
  const summary = upload?.summary ? (JSON.parse(upload.summary) as WordPressImportSummary) : null;
  return {
    status: job.status,
    progress: job.progress,
    total: job.total,
    failed: job.status === "FAILED" || Boolean(job.lastError && job.status !== "DONE"),
    summary,
  };
}
