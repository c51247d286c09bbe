// `npm test`: unit and integration tests (Vitest), then browser tests (Playwright, system Chromium).
// Ends with one line totalling every suite: "N passed, N failed[, N skipped]".
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
const resultsDir = path.join(root, "test-results");
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
let runnerCrashed = false;

function run(label, command, args, env = {}) {
  console.log(`\n━━ ${label} ━━`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

// Unit + integration (Vitest): integration on SQLite always, and on PostgreSQL when TEST_DATABASE_URL_PG is set.
if (process.env.TEST_DATABASE_URL_PG) {
  console.log(`Integration tests run on SQLite and on PostgreSQL (${process.env.TEST_DATABASE_URL_PG.replace(/\/\/[^@/]*@/, "//…@")}).`);
} else if (process.env.CI) {
  console.error("✖ CI must run the suite on PostgreSQL too: set TEST_DATABASE_URL_PG (bash .ci/run does).");
  process.exit(1);
} else {
  console.warn("⚠ PostgreSQL skipped: set TEST_DATABASE_URL_PG=postgresql://postgres@127.0.0.1:5432/postgres to run the integration suite on it too.");
}
const vitestJson = path.join(resultsDir, "vitest.json");
const vitestStatus = run("Unit and integration tests (Vitest)", process.execPath, [
  "node_modules/vitest/vitest.mjs",
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${vitestJson}`,
]);
const vitest = readJson(vitestJson);
if (vitest) {
  totals.passed += vitest.numPassedTests;
  totals.failed += vitest.numFailedTests;
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
}
if (!vitest || (vitestStatus !== 0 && vitest.numFailedTests === 0)) runnerCrashed = true;

// Browser tests (Playwright with Debian's Chromium; it cannot be downloaded here).
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  if (process.env.CI) {
    console.error(`\n✖ Browser tests cannot run: Chromium not found at ${chromium} (CI must install it: apt-get install -y chromium).`);
    runnerCrashed = true;
  } else {
    console.warn(`\n⚠ Browser tests skipped: Chromium not found at ${chromium} — install it with: apt-get install -y chromium`);
  }
} else {
  const playwrightJson = path.join(resultsDir, "playwright.json");
  const playwrightStatus = run(
    "Browser tests (Playwright, Chromium)",
    process.execPath,
    ["node_modules/@playwright/test/cli.js", "test", "--reporter=list,json"],
    {
      PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
    },
  );
  const playwright = readJson(playwrightJson);
  if (playwright) {
    const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = playwright.stats ?? {};
    totals.passed += expected + flaky;
    totals.failed += unexpected;
    totals.skipped += skipped;
    if (playwright.errors?.length) runnerCrashed = true;
  }
  if (!playwright || (playwrightStatus !== 0 && (playwright.stats?.unexpected ?? 0) === 0)) runnerCrashed = true;
}

if (runnerCrashed) console.error("\n✖ A test runner failed to run to completion (see above).");
console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
process.exit(totals.failed > 0 || runnerCrashed ? 1 : 0);
