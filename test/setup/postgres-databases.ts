// PostgreSQL databases for the test suite: one migrated template per run, one copy per test file
// (CREATE DATABASE … TEMPLATE is a file copy on the server, far quicker than migrating each time).
import pg from "pg";

/** The server URL with another database name in its path. */
export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function onServer<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates `name` as a copy of `template`, retrying while another copy of the template is in progress. */
export async function copyDatabase(serverUrl: string, template: string, name: string): Promise<void> {
  await onServer(serverUrl, async (client) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
        return;
      } catch (error) {
        // 55006: "source database is being accessed by other users" (a concurrent copy).
        if ((error as { code?: string }).code !== "55006" || attempt >= 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
      }
    }
  });
}

/** Drops every database whose name starts with `prefix` (this run's template and copies). */
export async function dropDatabases(serverUrl: string, prefix: string): Promise<void> {
  await onServer(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [prefix]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}

/** Drops the databases of earlier test runs whose process is gone (a run that was interrupted). */
export async function dropAbandonedDatabases(serverUrl: string): Promise<void> {
  const { rows } = await onServer(serverUrl, (client) =>
    client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname ~ '^debrief_(test|e2e_multi)_[0-9]+_'"),
  );
  const pids = new Set(rows.map((row) => Number(/_(\d+)_/.exec(row.datname)![1])));
  for (const pid of pids) {
    if (pid !== process.pid && isAlive(pid)) continue;
    for (const kind of ["test", "e2e_multi"]) await dropDatabases(serverUrl, `debrief_${kind}_${pid}_`);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
