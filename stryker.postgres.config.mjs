// Stryker on PostgreSQL (`npm run test:mutation:postgres`): the files whose SQL only PostgreSQL runs, measured with
// the suite on that engine (vitest.mutation.config.ts, MUTATION_ENGINE=postgresql; TEST_DATABASE_URL_PG names the
// server). A mutant either run kills is caught by CI, which runs the suite on both engines. Its reports and its
// working copy are kept apart from the SQLite run's, so the two can run one after the other or at once.
import { readFileSync } from "node:fs";

const base = JSON.parse(readFileSync(new URL("./stryker.config.json", import.meta.url), "utf8"));

export default {
  ...base,
  mutate: ["lib/notifications/sent-recorder.ts", "lib/notifications/queue-emails.ts", "lib/notifications/outbox-worker.ts"],
  tempDirName: ".stryker-tmp-postgres",
  ignorePatterns: [...base.ignorePatterns, ".stryker-tmp"],
  incrementalFile: "reports/mutation-postgres/stryker-incremental.json",
  htmlReporter: { fileName: "reports/mutation-postgres/index.html" },
  jsonReporter: { fileName: "reports/mutation-postgres/mutation.json" },
};
