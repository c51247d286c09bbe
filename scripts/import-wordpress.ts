// `npm run import:wordpress -- export.xml [--category rencontres]… [--tag atelier]… [--drafts] [--pages] [--dry-run]`
// Imports a WordPress export (Tools → Export) into Debrief: posts become events with their comments. Importing the
// same file again changes nothing. --dry-run prints what would be imported and writes nothing.
import { readFileSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import { migrateIfNeeded } from "@/lib/db/migrate";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { translatorFor } from "@/lib/i18n/messages";
import { MAX_WXR_BYTES } from "@/lib/import/parse-wxr";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    category: { type: "string", multiple: true, default: [] },
    tag: { type: "string", multiple: true, default: [] },
    drafts: { type: "boolean", default: false },
    pages: { type: "boolean", default: false },
    "dry-run": { type: "boolean", default: false },
  },
});
const file = positionals[0];
if (!file) {
  console.error("Usage: npm run import:wordpress -- export.xml [--category slug]… [--tag slug]… [--drafts] [--pages] [--dry-run]");
  process.exit(2);
}
if (statSync(file).size > MAX_WXR_BYTES) {
  console.error(`${file}: ${translatorFor("en", "errors")("importTooLarge")}`);
  process.exit(1);
}
const xml = readFileSync(file, "utf8");
await migrateIfNeeded({ url: env.DATABASE_URL });
const { createDatabase } = await import("@/lib/db/client");
const { importWordPress, previewWordPressImport } = await import("@/lib/import/import-wordpress");
const db = createDatabase();
const options = { categories: values.category, tags: values.tag, includeDrafts: values.drafts, includePages: values.pages };
const day = (date: Date) => date.toISOString().slice(0, 16).replace("T", " ");
try {
  if (values["dry-run"]) {
    const plan = await previewWordPressImport({ db, actor: "system", xml, options });
    for (const event of plan.events) {
      const approved = event.comments.filter((comment) => comment.status === "APPROVED").length;
      console.log(
        `${event.alreadyImported ? "=" : "+"} ${event.title}\n    ${event.dateToCheck ? "date to check" : `${day(event.startsAt)} UTC`} · ${event.status.toLowerCase()} · ${approved} approved, ${event.comments.length - approved} held, ${event.comments.filter((comment) => comment.asksForRecap).length} asking for the recap`,
      );
    }
    for (const post of plan.skippedPosts) console.log(`- ${post.title} (skipped: ${post.reason})`);
  } else {
    const started = performance.now();
    const summary = await importWordPress({
      db,
      actor: "system",
      xml,
      options,
      onProgress: (done, total, event) => console.log(`[${done}/${total}] ${event.title}`),
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `Events: ${summary.events.created} created (${summary.events.published} published, ${summary.events.dateToCheck} with a date to check), ${summary.events.alreadyImported} already imported.`,
    );
    console.log(
      `Comments: ${summary.comments.approved} approved, ${summary.comments.pending} held for moderation, ${summary.comments.askingForRecap} asking for the recap; ${summary.comments.alreadyImported} already imported; left behind: ${summary.comments.spam} spam, ${summary.comments.trash} trash, ${summary.comments.pingbacks} pingbacks.`,
    );
    if (summary.skippedPosts.length) console.log(`Posts not imported: ${summary.skippedPosts.map((post) => `${post.title} (${post.reason})`).join("; ")}.`);
    console.log(`Done in ${seconds.toFixed(1)} s.`);
  }
} catch (error) {
  if (isAppError(error)) {
    console.error(`${file}: ${translatorFor("en", "errors")(error.messageKey)}`);
    process.exit(1);
  }
  throw error;
} finally {
  await db.$disconnect();
}
