"use server";

import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/current-actor";
import { db } from "@/lib/db/client";
import { outcomeQuery, runFormAction, type FormState } from "@/lib/http/form-action";
import { startWordPressImport } from "@/lib/import/start-wordpress-import";
import { uploadWordPressExport } from "@/lib/import/upload-wordpress-export";

export type ImportUploadState = FormState<Record<string, never>, { uploadId?: string }>;

/** Step 1: the export file is checked and kept; the page then shows what importing it would do. */
export async function uploadImportAction(previous: ImportUploadState, formData: FormData): Promise<ImportUploadState> {
  const file = formData.get("file");
  const state = await runFormAction(previous, {}, async () => ({
    uploadId: (await uploadWordPressExport({ db, actor: await currentActor(), file: file instanceof Blob ? file : null })).id,
  }));
  if (state.status === "done" && state.uploadId) redirect(`/dashboard/import?upload=${state.uploadId}`);
  return state;
}

/** Step 2: the host confirms; a worker imports, the page follows its progress. */
export async function startImportAction(formData: FormData) {
  const uploadId = String(formData.get("upload") ?? "");
  const options = {
    categories: formData
      .getAll("category")
      .map(String)
      .filter((value) => /^[\w%-]{1,200}$/.test(value)),
    tags: formData
      .getAll("tag")
      .map(String)
      .filter((value) => /^[\w%-]{1,200}$/.test(value)),
    includeDrafts: formData.get("drafts") === "on",
    includePages: formData.get("pages") === "on",
  };
  let jobId = "";
  const outcome = await outcomeQuery(async () => {
    jobId = (await startWordPressImport({ db, actor: await currentActor(), uploadId, options })).jobId;
    return {};
  });
  redirect(jobId ? `/dashboard/import?upload=${encodeURIComponent(uploadId)}&job=${jobId}` : `/dashboard/import?${outcome}`);
}
