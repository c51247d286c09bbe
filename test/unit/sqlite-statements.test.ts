import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { cachingPrepare, type SqliteStatement } from "@/lib/db/sqlite-statements";

/** An in-memory SQLite database, as the adapter opens it, and a prepare that counts what it parses. */
function database() {
  const connection = new Database(":memory:");
  connection.defaultSafeIntegers(true);
  connection.exec(`CREATE TABLE "Note" ("id" INTEGER PRIMARY KEY, "text" TEXT NOT NULL)`);
  connection.exec(`INSERT INTO "Note" ("id", "text") VALUES (1, 'un'), (2, 'deux'), (3, 'trois')`);
  const prepared: string[] = [];
  const prepare = (sql: string) => {
    prepared.push(sql);
    return connection.prepare(sql) as unknown as SqliteStatement;
  };
  return { connection, prepared, prepare };
}

const BY_ID = `SELECT "id", "text" FROM "Note" WHERE "id" = ?`;

describe("the SQLite statement cache", () => {
  it("answers each query with its own values, though the SQL text is prepared once", () => {
    const { prepared, prepare } = database();
    const cached = cachingPrepare(prepare, 10);
    expect(cached(BY_ID).bind([1n]).raw().all()).toEqual([[1n, "un"]]);
    expect(cached(BY_ID).bind([3n]).raw().all()).toEqual([[3n, "trois"]]);
    // Two queries in flight (bound, not yet run) keep their own values.
    const first = cached(BY_ID).bind([2n]);
    const second = cached(BY_ID).bind([1n]);
    expect(second.raw().all()).toEqual([[1n, "un"]]);
    expect(first.raw().all()).toEqual([[2n, "deux"]]);
    expect(prepared).toEqual([BY_ID]);
  });

  it("gives rows as objects unless this query asks for arrays, whatever the last one asked", () => {
    const { prepare } = database();
    const cached = cachingPrepare(prepare, 10);
    expect(cached(BY_ID).bind([1n]).raw().all()).toEqual([[1n, "un"]]);
    expect(cached(BY_ID).bind([2n]).all()).toEqual([{ id: 2n, text: "deux" }]);
    expect(cached(BY_ID).bind([3n]).raw(true).all()).toEqual([[3n, "trois"]]);
  });

  it("tells readers from writers and describes a reader's columns, as the adapter needs", () => {
    const { connection, prepare } = database();
    const cached = cachingPrepare(prepare, 10);
    const reader = cached(BY_ID);
    expect(reader.reader).toBe(true);
    expect(reader.columns().map((column) => [column.name, column.type])).toEqual([
      ["id", "INTEGER"],
      ["text", "TEXT"],
    ]);
    const write = cached(`UPDATE "Note" SET "text" = ? WHERE "id" = ?`);
    expect(write.reader).toBe(false);
    expect(write.bind(["uno", 1n]).run()).toMatchObject({ changes: 1 });
    expect(cached(`UPDATE "Note" SET "text" = ? WHERE "id" = ?`).bind(["dos", 2n]).run()).toMatchObject({ changes: 1 });
    expect(connection.prepare(`SELECT "text" FROM "Note" ORDER BY "id"`).pluck().all()).toEqual(["uno", "dos", "trois"]);
  });

  it("keeps at most the given number of texts, the least recently used leaving first", () => {
    const { prepared, prepare } = database();
    const cached = cachingPrepare(prepare, 2);
    const texts = [1, 2, 3].map((n) => `SELECT ${n} AS "n"`);
    cached(texts[0]).all();
    cached(texts[1]).all();
    cached(texts[0]).all(); // the first is now the most recently used
    cached(texts[2]).all(); // so the second leaves
    cached(texts[0]).all();
    expect(prepared).toEqual([texts[0], texts[1], texts[2]]);
    cached(texts[1]).all(); // prepared again
    expect(prepared).toEqual([texts[0], texts[1], texts[2], texts[1]]);
  });
});
