// The database a benchmark runs on: `--db sqlite` (default) or `--db postgres`, fresh each run.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import pg from "pg";
import type { Database } from "@/lib/db/client";

export type BenchEngine = "sqlite" | "postgres";

export function benchEngine(argv: string[] = process.argv.slice(2)): BenchEngine {
  const flag = argv.indexOf("--db");
  const value = flag === -1 ? (argv.find((arg) => arg.startsWith("--db="))?.slice(5) ?? "sqlite") : argv[flag + 1];
  if (value === "sqlite") return "sqlite";
  if (value === "postgres" || value === "postgresql") return "postgres";
  throw new Error(`--db must be sqlite or postgres, not "${value}"`);
}

/**
 * An empty, migrated database named after the benchmark. PostgreSQL: a database on the server at
 * BENCH_DATABASE_URL_PG (default: the local server, postgresql://postgres@127.0.0.1:5432/postgres).
 */
export async function freshBenchDatabase(name: string, engine: BenchEngine): Promise<string> {
  let url: string;
  if (engine === "sqlite") {
    for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(`data/${name}.db${suffix}`, { force: true });
    url = `file:./data/${name}.db`;
  } else {
    const server = process.env.BENCH_DATABASE_URL_PG ?? "postgresql://postgres@127.0.0.1:5432/postgres";
    const database = `debrief_${name.replace(/-/g, "_")}`;
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${database}"`);
    await client.end();
    const parsed = new URL(server);
    parsed.pathname = `/${database}`;
    url = parsed.toString();
  }
  const migrate = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: "ignore",
  });
  if (migrate.status !== 0) throw new Error(`migrate deploy failed on ${url}`);
  return url;
}

export const engineLabel = (engine: BenchEngine) => (engine === "sqlite" ? "SQLite (WAL)" : "PostgreSQL");

/** The published event a benchmark's comments or requests belong to: only its slug and title matter. */
export function createBenchEvent(db: Database, event: { slug: string; title: string }) {
  return db.event.create({
    data: {
      ...event,
      startsAt: new Date(),
      endsAt: new Date(),
      timeZone: "Europe/Paris",
      venueName: "-",
      venueAddress: "-",
      hostNames: "-",
      summary: "-",
      topic: "-",
      status: "PUBLISHED",
    },
    select: { id: true, slug: true },
  });
}
