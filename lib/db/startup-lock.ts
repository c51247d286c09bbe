import pg from "pg";
import { engineForUrl } from "./engine";

/** An arbitrary constant key shared by every Debrief process on one database. */
const STARTUP_LOCK_KEY = 4_210_517;

/**
 * Runs `work` (migrations, first-run seeding) while holding a PostgreSQL advisory lock, so several
 * instances started together apply migrations one after the other instead of racing. The lock is
 * the server's: it is released when `work` ends or the connection drops. SQLite needs none: it
 * serves one machine, and `npm start` runs once per database.
 */
export async function withStartupLock<T>(url: string, work: () => Promise<T>): Promise<T> {
  if (engineForUrl(url) !== "postgresql") return work();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [STARTUP_LOCK_KEY]);
    return await work();
  } finally {
    await client.end();
  }
}
