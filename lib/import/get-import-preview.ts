import type { Database } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { previewWordPressImport } from "./import-wordpress";
import { parseWxr } from "./parse-wxr";
import type { WordPressImportOptions } from "./plan-wordpress-import";

/** The preview page: the uploaded file's categories and tags to choose from, and what the import would do with that choice. */
export async function getImportPreview(options: { db: Database; actor: Actor | null; uploadId: string; options: WordPressImportOptions }) {
  const { db, actor } = options;
  assertCan(actor, "event:edit");
  const upload = await db.importUpload.findUnique({ where: { id: options.uploadId }, select: { id: true, xml: true, fileName: true, summary: true } });
  if (!upload) throw new AppError("NOT_FOUND", "importUploadGone");
  const wxr = parseWxr(upload.xml);
  const terms = new Map<string, { kind: "category" | "tag"; slug: string; name: string; posts: number }>();
  for (const item of wxr.items) {
    for (const category of item.categories) {
      const kind = category.domain === "post_tag" ? "tag" : category.domain === "category" || category.domain === "tribe_events_cat" ? "category" : null;
      if (!kind) continue;
      const key = `${kind}:${category.slug}`;
      const term = terms.get(key) ?? { kind, slug: category.slug, name: category.name, posts: 0 };
      term.posts += 1;
      terms.set(key, term);
    }
  }
  const plan = await previewWordPressImport({ db, actor, xml: upload.xml, options: options.options });
  return {
    upload: { id: upload.id, fileName: upload.fileName, siteTitle: wxr.siteTitle },
    terms: [...terms.values()].sort((a, b) => a.kind.localeCompare(b.kind) || b.posts - a.posts || a.name.localeCompare(b.name)),
    events: plan.events.map((event) => ({
      title: event.title,
      startsAt: event.startsAt,
      timeZone: event.timeZone,
      dateToCheck: event.dateToCheck,
      status: event.status,
      alreadyImported: event.alreadyImported,
      deletedHere: event.deletedHere,
      approved: event.comments.filter((comment) => comment.status === "APPROVED").length,
      pending: event.comments.filter((comment) => comment.status === "PENDING").length,
      askingForRecap: event.comments.filter((comment) => comment.asksForRecap).length,
      leftBehind: event.skippedComments.spam + event.skippedComments.trash + event.skippedComments.pingback,
    })),
    skippedPosts: plan.skippedPosts,
  };
}
