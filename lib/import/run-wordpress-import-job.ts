import type { Database } from "@/lib/db/client";
import { recordJobProgress, type ClaimedJob } from "@/lib/jobs/job-queue";
import { importWordPress } from "./import-wordpress";
import type { WordPressImportOptions } from "./plan-wordpress-import";

/**
 * The worker's side of a dashboard import: imports the uploaded export event by event, recording progress for the
 * dashboard's progress bar; resumed after a crash, it imports only what is missing (the import is keyed on
 * WordPress ids). The outcome is kept with the upload for the summary page.
 */
export async function runWordPressImportJob(options: { db: Database; job: ClaimedJob; now: () => Date }) {
  const { db, job, now } = options;
  const payload = JSON.parse(job.payload) as { uploadId: string; options: WordPressImportOptions; actorId: string };
  const upload = await db.importUpload.findUnique({ where: { id: payload.uploadId }, select: { xml: true } });
  if (!upload) return;
  const actor = await db.user.findUnique({ where: { id: payload.actorId }, select: { id: true, role: true, disabledAt: true } });
  // Someone whose account was disabled or removed since no longer imports anything.
  if (!actor || actor.disabledAt) return;
  const summary = await importWordPress({
    db,
    actor: { id: actor.id, role: actor.role },
    xml: upload.xml,
    options: payload.options,
    now: now(),
    onProgress: (done, total) => db.$transaction((tx) => recordJobProgress(tx, job, { cursor: String(done), progress: done, total }, now())),
  });
  await db.importUpload.update({ where: { id: payload.uploadId }, data: { summary: JSON.stringify(summary) }, select: { id: true } });
}
