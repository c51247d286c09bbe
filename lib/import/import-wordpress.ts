import type { Database } from "@/lib/db/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { getSiteSettings } from "@/lib/settings/site-settings";
import { parseWxr } from "./parse-wxr";
import { placeUnder, planWordPressImport, type PlannedEvent, type WordPressImportOptions, type WordPressPlan } from "./plan-wordpress-import";

export type WordPressImportSummary = {
  events: { created: number; alreadyImported: number; deletedHere: number; dateToCheck: number; published: number };
  comments: { approved: number; pending: number; alreadyImported: number; spam: number; trash: number; pingbacks: number; askingForRecap: number };
  skippedPosts: WordPressPlan["skippedPosts"];
  /** Events created or completed, by address, for the summary page. */
  slugs: string[];
};

/** Reads the export and plans the import for the site's time zone: what the dashboard previews. */
export async function previewWordPressImport(options: { db: Database; actor: Actor | null | "system"; xml: string; options?: WordPressImportOptions }) {
  if (options.actor !== "system") assertCan(options.actor, "event:edit");
  const settings = await getSiteSettings(options.db);
  const plan = planWordPressImport(parseWxr(options.xml), options.options ?? {}, settings);
  const keys = plan.events.map((event) => event.importKey);
  const [existing, deleted] = await Promise.all([
    options.db.event.findMany({ where: { importKey: { in: keys } }, select: { importKey: true } }).then((rows) => new Set(rows.map((row) => row.importKey))),
    options.db.deletedImport
      .findMany({ where: { importKey: { in: keys } }, select: { importKey: true } })
      .then((rows) => new Set(rows.map((row) => row.importKey))),
  ]);
  return {
    ...plan,
    events: plan.events.map((event) => ({ ...event, alreadyImported: existing.has(event.importKey), deletedHere: deleted.has(event.importKey) })),
  };
}

/**
 * Imports a WordPress export: each chosen post becomes an event with its comments — threads, authors, dates and
 * websites kept; approved ones published, held ones for moderation, spam, trash and pingbacks left behind; e-mail
 * addresses private as for any comment, IP addresses never imported. Comments asking for the recap are flagged
 * (no recap request, no e-mail: those people never consented to one). One transaction per event, keyed on the
 * WordPress ids: importing the same file again changes nothing, a newer export adds only what is new.
 */
export async function importWordPress(options: {
  db: Database;
  actor: Actor | null | "system";
  xml: string;
  options?: WordPressImportOptions;
  onProgress?: (done: number, total: number, event: PlannedEvent) => unknown;
  now?: Date;
}): Promise<WordPressImportSummary> {
  const { db, actor } = options;
  if (actor !== "system") assertCan(actor, "event:edit");
  const now = options.now ?? new Date();
  const settings = await getSiteSettings(db);
  const plan = planWordPressImport(parseWxr(options.xml), options.options ?? {}, settings);
  const summary: WordPressImportSummary = {
    events: { created: 0, alreadyImported: 0, deletedHere: 0, dateToCheck: 0, published: 0 },
    comments: { approved: 0, pending: 0, alreadyImported: 0, spam: 0, trash: 0, pingbacks: 0, askingForRecap: 0 },
    skippedPosts: plan.skippedPosts,
    slugs: [],
  };
  let done = 0;
  const deleted = new Set(
    (await db.deletedImport.findMany({ where: { importKey: { in: plan.events.map((event) => event.importKey) } }, select: { importKey: true } })).map(
      (row) => row.importKey,
    ),
  );
  for (const planned of plan.events) {
    if (deleted.has(planned.importKey)) {
      // A host deleted it here: not brought back, nor its comments.
      summary.events.deletedHere += 1;
      await options.onProgress?.(++done, plan.events.length, planned);
      continue;
    }
    const outcome = await db.$transaction(async (tx) => {
      const existing = await tx.event.findUnique({ where: { importKey: planned.importKey }, select: { id: true, slug: true } });
      let event = existing;
      if (!event) {
        // The WordPress address, unless an event here already has it.
        let slug = planned.slug;
        for (let n = 2; await tx.event.findUnique({ where: { slug }, select: { id: true } }); n++) slug = `${planned.slug.slice(0, 115)}-${n}`;
        event = await tx.event.create({
          data: {
            slug,
            title: planned.title,
            startsAt: planned.startsAt,
            endsAt: planned.endsAt,
            timeZone: planned.timeZone,
            venueName: planned.venueName,
            venueAddress: planned.venueAddress,
            hostNames: planned.hostNames,
            summary: planned.summary,
            topic: planned.topic,
            language: planned.language,
            status: planned.status,
            firstPublishedAt: planned.status === "PUBLISHED" ? planned.publishedAt : null,
            importKey: planned.importKey,
            dateToCheck: planned.dateToCheck,
          },
          select: { id: true, slug: true },
        });
      }
      const already = await tx.comment.findMany({
        where: { importKey: { in: planned.comments.map((comment) => comment.importKey) } },
        select: { importKey: true, id: true, parentId: true, depth: true },
      });
      const placed = new Map<string, { id: string; parentId: string | null; depth: number }>();
      for (const row of already) placed.set(row.importKey!.slice(row.importKey!.lastIndexOf(":") + 1), row);
      const rows = [];
      for (const comment of planned.comments) {
        if (placed.has(comment.wordpressId)) continue;
        // A reply whose parent stayed behind (spam, trash) starts its own conversation.
        const { parentId, depth } = placeUnder(comment.wordpressParentId ? placed.get(comment.wordpressParentId) : undefined);
        placed.set(comment.wordpressId, { id: comment.id, parentId, depth });
        rows.push({
          id: comment.id,
          eventId: event.id,
          parentId,
          depth,
          authorName: comment.authorName,
          authorEmail: comment.authorEmail,
          authorUrl: comment.authorUrl,
          body: comment.body,
          bodyHash: comment.bodyHash,
          status: comment.status,
          asksForRecap: comment.asksForRecap,
          createdAt: comment.createdAt,
          importKey: comment.importKey,
        });
      }
      for (let start = 0; start < rows.length; start += 500) await tx.comment.createMany({ data: rows.slice(start, start + 500) });
      if (rows.length) await tx.event.update({ where: { id: event.id }, data: { updatedAt: now }, select: { id: true } });
      if (!existing || rows.length) {
        await recordAudit(
          tx,
          actor === "system" ? null : actor.id,
          {
            action: "event.import",
            targetType: "Event",
            targetId: event.id,
            details: { slug: event.slug, source: `WordPress ${planned.wordpressId}`, comments: rows.length },
          },
          now,
        );
      }
      return { created: !existing, slug: event.slug, rows, alreadyImported: already.length };
    });
    summary.events[outcome.created ? "created" : "alreadyImported"] += 1;
    if (outcome.created && planned.dateToCheck) summary.events.dateToCheck += 1;
    if (outcome.created && planned.status === "PUBLISHED") summary.events.published += 1;
    summary.comments.approved += outcome.rows.filter((row) => row.status === "APPROVED").length;
    summary.comments.pending += outcome.rows.filter((row) => row.status === "PENDING").length;
    summary.comments.askingForRecap += outcome.rows.filter((row) => row.asksForRecap).length;
    summary.comments.alreadyImported += outcome.alreadyImported;
    summary.comments.spam += planned.skippedComments.spam;
    summary.comments.trash += planned.skippedComments.trash;
    summary.comments.pingbacks += planned.skippedComments.pingback;
    summary.slugs.push(outcome.slug);
    await options.onProgress?.(++done, plan.events.length, planned);
  }
  return summary;
}
