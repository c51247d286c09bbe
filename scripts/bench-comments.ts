// `npx tsx scripts/bench-comments.ts [--db sqlite|postgres]`: the comment use case without HTTP. Calls
// postComment BENCH_POSTS times (default 5,000), BENCH_IN_FLIGHT (default 32) at a time, each from a distinct
// reader (address, e-mail, browser key, text) so that no limit trips, and reports comments/s. As a floor, in
// the same run and on the same database, the bare insert alone: the same `comment.create` with the same data,
// no checks. Then the SQL statements one postComment sends (Prisma's query log, on a second client).
// Profile with `node --cpu-prof --import tsx scripts/bench-comments.ts`.
import type { Database } from "@/lib/db/client";
import { benchEngine, createBenchEvent, engineLabel, freshBenchDatabase } from "./bench-database";

const POSTS = Number(process.env.BENCH_POSTS ?? 5000);
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 32);
const WARM_UP = Math.min(500, POSTS);
const ENGINE = benchEngine();

process.chdir(new URL("..", import.meta.url).pathname);
const DATABASE_URL = await freshBenchDatabase("bench-comments", ENGINE);
Object.assign(process.env, { DATABASE_URL, APP_SECRET: "bench-secret-0123456789abcdef" });
const { createDatabase, sqliteFilePath } = await import("@/lib/db/client");
const { postComment } = await import("@/lib/comments/post-comment");
const { commenterKeyHash, newCommenterKey } = await import("@/lib/comments/commenter-key");
const { duplicateKeys, hashBody, hashIp } = await import("@/lib/comments/hash");
const { env } = await import("@/lib/env");
const db = createDatabase(DATABASE_URL);

const event = await createBenchEvent(db, { slug: "commentaires", title: "Commentaires" });

/** A distinct reader for each number: no limit (per address, per e-mail) and no duplicate key is shared. */
function reader(phase: string, index: number) {
  const number = index + 1;
  return {
    ip: `10.${phase.charCodeAt(0) % 256}.${(number >> 8) & 255}.${number & 255}`,
    commenterKey: newCommenterKey(),
    input: {
      authorName: `Lecteur ${number}`,
      authorEmail: `${phase}-${number}@example.org`,
      body: `Merci pour cette rencontre (${phase} ${number}), très utile !`,
    },
  };
}

/** Runs `task` for 0…count-1, `IN_FLIGHT` at a time; returns per second and CPU µs per task. */
async function measure(count: number, task: (index: number) => Promise<unknown>) {
  let next = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < count) await task(next++);
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  return { perSecond: count / seconds, cpuMicroseconds: (used.user + used.system) / count };
}

// The floor: the insert postComment ends with, with the data it would build, prepared before the clock starts.
function insertData(phase: string, index: number) {
  const { ip, commenterKey, input } = reader(phase, index);
  const ipHash = hashIp(env.APP_SECRET, ip);
  const bodyHash = hashBody(input.body);
  return {
    asksForRecap: false,
    eventId: event.id,
    parentId: null,
    depth: 0,
    authorName: input.authorName,
    authorEmail: input.authorEmail,
    authorUrl: null,
    body: input.body,
    bodyHash,
    ...duplicateKeys({ eventId: event.id, bodyHash, email: input.authorEmail, ipHash }),
    commenterKeyHash: commenterKeyHash(commenterKey),
    status: "PENDING" as const,
    createdAt: new Date(),
    ipHash,
    userAgent: "bench",
  };
}
const insertAll = (phase: string, count: number) => {
  const rows = Array.from({ length: count }, (_, index) => insertData(phase, index));
  return measure(count, (index) => db.comment.create({ data: rows[index], select: { id: true, status: true } }));
};
const postAll = (phase: string, count: number) => {
  const readers = Array.from({ length: count }, (_, index) => reader(phase, index));
  return measure(count, (index) => {
    const { ip, commenterKey, input } = readers[index];
    return postComment({ db, eventSlug: event.slug, input, client: { ip, userAgent: "bench", commenterKey } });
  });
};

await insertAll("warm-insert", WARM_UP);
await postAll("warm-post", WARM_UP);
const floor = await insertAll("insert", POSTS);
const posted = await postAll("post", POSTS);
const stored = await db.comment.count({ where: { authorEmail: { startsWith: "post-" } } });

// Statements per comment: a client with Prisma's query log, on the same database, one comment at a time.
const statements: string[] = [];
const logged = await loggingClient(DATABASE_URL, statements);
const SAMPLES = 20;
for (let index = 0; index < SAMPLES; index++) {
  const { ip, commenterKey, input } = reader("count", index);
  await postComment({ db: logged, eventSlug: event.slug, input, client: { ip, userAgent: "bench", commenterKey } });
}
// Prisma's log shows a transaction's COMMIT (or ROLLBACK) but not its BEGIN: counted here.
const unloggedBegins = statements.some((sql) => /^\s*BEGIN/i.test(sql)) ? 0 : statements.filter((sql) => /^\s*(COMMIT|ROLLBACK)/i.test(sql)).length;
const perComment = (statements.length + unloggedBegins) / SAMPLES;
const oneComment = statements.slice(0, Math.ceil(statements.length / SAMPLES)).map((sql) => `  ${sql.replace(/\s+/g, " ").slice(0, 160)}`);
statements.length = 0;
await logged.comment.create({ data: insertData("count-insert", 0), select: { id: true, status: true } });
const perInsert = statements.length;

console.log(`
| postComment, ${IN_FLIGHT} in flight, ${POSTS} comments | comments/s | CPU µs/comment | SQL statements/comment |
|---|---:|---:|---:|
| ${engineLabel(ENGINE)}: the bare insert (floor) | ${Math.round(floor.perSecond)} | ${Math.round(floor.cpuMicroseconds)} | ${perInsert} |
| ${engineLabel(ENGINE)}: postComment, every check on | ${Math.round(posted.perSecond)} | ${Math.round(posted.cpuMicroseconds)} | ${perComment} |

postComment / floor: ${Math.round((100 * posted.perSecond) / floor.perSecond)} %. Stored: ${stored} of ${POSTS}.
The statements of one comment${unloggedBegins ? " (and a BEGIN before each COMMIT, not logged)" : ""}:
${oneComment.join("\n")}
`);
await logged.$disconnect();
await db.$disconnect();
process.exit(stored === POSTS ? 0 : 1);

/** A client for that URL like the app's, recording each statement it sends (createDatabase has no log option). */
async function loggingClient(url: string, statements: string[]): Promise<Database> {
  const log = [{ emit: "event" as const, level: "query" as const }];
  const client =
    ENGINE === "sqlite"
      ? new (await import("@/lib/generated/prisma/client")).PrismaClient({
          adapter: new (await import("@prisma/adapter-better-sqlite3")).PrismaBetterSqlite3({ url: sqliteFilePath(url) }),
          log,
        })
      : new (await import("@/lib/generated/prisma-pg/client")).PrismaClient({
          adapter: new (await import("@prisma/adapter-pg")).PrismaPg({ connectionString: url }),
          log,
        });
  (client as unknown as { $on(event: "query", listener: (event: { query: string }) => void): void }).$on("query", (event) => statements.push(event.query));
  return client as unknown as Database;
}
