// `npm run db:backup` on the engine under test: a copy taken while the app writes, which restores
// into a working database holding what was there.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createDatabase, engineForUrl } from "@/lib/db/client";
import { createComment, createEvent } from "../factories";
import { runNode } from "../prisma-cli";
import { onServer, withDatabase } from "../setup/postgres-databases";

const db = createDatabase();
const engine = engineForUrl(process.env.DATABASE_URL!)!;
const dir = mkdtempSync(path.join(tmpdir(), "debrief-backup-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the real command without blocking this process, so writes go on meanwhile. */
async function backup(file: string) {
  const result = await runNode(["--import", "tsx", "scripts/db-backup.ts", "--out", file]);
  return { ...result, status: result.code };
}

/** The backup restored into a new database, as the documented restore would. */
async function restore(file: string): Promise<string> {
  if (engine === "sqlite") return `file:${file}`;
  const serverUrl = process.env.TEST_DATABASE_URL_PG!;
  const name = `${inject("databasePrefix")}restored_${Math.random().toString(36).slice(2, 8)}`;
  await onServer(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = withDatabase(serverUrl, name);
  const restored = spawnSync("pg_restore", ["--no-owner", "--dbname", url, file], { encoding: "utf8" });
  expect(restored.status, restored.stderr).toBe(0);
  return url;
}

describe("npm run db:backup", () => {
  it("copies the live database while comments are being written, into a backup that restores", async () => {
    const event = await createEvent(db, { title: "Sauvegarde" });
    for (let index = 0; index < 20; index++) await createComment(db, event.id, { body: `Avant la sauvegarde ${index}` });

    // Writes keep coming while the backup runs, as they would on a live site.
    let writing = true;
    let writtenDuring = 0;
    const writes = (async () => {
      while (writing) {
        await createComment(db, event.id, { body: `Pendant la sauvegarde ${writtenDuring++}` });
        // SQLite's driver answers synchronously; let the event loop see the backup process finish.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const file = path.join(dir, engine === "sqlite" ? "copy.db" : "copy.dump");
    const result = await backup(file);
    writing = false;
    await writes;
    expect(writtenDuring).toBeGreaterThan(0);
    expect(result.status, result.stderr + result.stdout).toBe(0);
    expect(result.stdout).toContain(`database to ${file}`);
    expect(result.stdout).toContain("Restore:");

    const restored = createDatabase(await restore(file));
    try {
      const bodies = (await restored.comment.findMany({ where: { eventId: event.id }, select: { body: true } })).map((row) => row.body);
      for (let index = 0; index < 20; index++) expect(bodies).toContain(`Avant la sauvegarde ${index}`);
      expect(await restored.event.findUnique({ where: { slug: event.slug }, select: { title: true } })).toEqual({ title: "Sauvegarde" });
    } finally {
      await restored.$disconnect();
    }
  });

  it("fails with a clear message and a non-zero exit when the database is not there", () => {
    const missing = path.join(dir, "missing.db");
    const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/db-backup.ts", "--out", path.join(dir, "none")], {
      env: {
        ...process.env,
        DATABASE_URL: engine === "sqlite" ? `file:${missing}` : withDatabase(process.env.TEST_DATABASE_URL_PG!, "debrief_no_such_database"),
      },
      encoding: "utf8",
    });
    expect(result.status, result.stdout).toBe(1);
    expect(result.stderr).toMatch(/Backup failed: .*(does not exist|unable to open)/i);
    // Nothing was created in its place.
    expect(existsSync(missing)).toBe(false);
  });
});
