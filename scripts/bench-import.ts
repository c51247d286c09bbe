// Part of `npm run bench`: the WordPress import's speed on the seed's event with its 300 comments (the export a real
// WordPress 6.1 wrote; the project's own small export when ../shared is not there), into a fresh database, five
// times; and the embed script's size as sent (gzip).
import { existsSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { benchEngine, engineLabel, freshBenchDatabase } from "./bench-database";

process.chdir(new URL("..", import.meta.url).pathname);
const ENGINE = benchEngine();
const shared = "../shared/fixtures/wordpress/webreakfast-300-comments.wxr.xml";
const file = existsSync(shared) ? shared : "test/fixtures/wordpress-small.wxr.xml";
const xml = readFileSync(file, "utf8");
const { createDatabase } = await import("@/lib/db/client");
const { importWordPress } = await import("@/lib/import/import-wordpress");

const rates: number[] = [];
let comments = 0;
for (let run = 0; run < 5; run++) {
  const url = await freshBenchDatabase("bench-import", ENGINE);
  const db = createDatabase(url);
  const started = performance.now();
  const summary = await importWordPress({ db, actor: "system", xml });
  const seconds = (performance.now() - started) / 1000;
  comments = summary.comments.approved + summary.comments.pending;
  rates.push(comments / seconds);
  await db.$disconnect();
}
rates.sort((a, b) => a - b);
const embed = readFileSync("public/embed.js");
console.log(`\n| WordPress import (${file.split("/").at(-1)}, ${comments} comments, fresh database, 5 runs) | comments/s, median (min–max) |\n|---|---:|`);
console.log(`| ${engineLabel(ENGINE)} | ${Math.round(rates[2])} (${Math.round(rates[0])}–${Math.round(rates[4])}) |`);
console.log(`\nembed.js: ${embed.length} bytes, ${gzipSync(embed, { level: 9 }).length} bytes gzipped.`);
