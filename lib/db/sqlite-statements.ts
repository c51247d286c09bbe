// A cache of better-sqlite3's prepared statements for Prisma's SQLite adapter.
// The adapter prepares every statement again on each query (`client.prepare(sql).bind(args)`), and parsing and
// planning the SQL was ~5 % of a comment POST's CPU. Prisma sends the same few SQL texts again and again, each
// with its values as parameters, so each text is prepared once and kept (least recently used out first).
// A prepared statement can be bound only once, so the adapter gets a light statement per query that holds
// that query's values and runs the kept statement with them.

/** What the adapter, and our BEGIN IMMEDIATE override, use of a better-sqlite3 statement. */
export type SqliteStatement = {
  readonly reader: boolean;
  run(...parameters: unknown[]): unknown;
  all(...parameters: unknown[]): unknown[];
  columns(): { name: string; type: string | null }[];
  raw(toggle?: boolean): SqliteStatement;
};

/** A statement as the adapter sees it: bound to one query's values, then run once. */
export type BoundStatement = {
  readonly reader: boolean;
  bind(values: unknown[]): BoundStatement;
  run(): unknown;
  all(): unknown[];
  columns(): { name: string; type: string | null }[];
  raw(toggle?: boolean): BoundStatement;
};

/** `prepare`, keeping up to `maxStatements` prepared SQL texts for reuse. */
export function cachingPrepare(prepare: (sql: string) => SqliteStatement, maxStatements: number): (sql: string) => BoundStatement {
  const kept = new Map<string, SqliteStatement>();
  return (sql) => {
    let statement = kept.get(sql);
    if (statement) {
      // Most recently used last, so the first key is the one to drop.
      kept.delete(sql);
    } else {
      statement = prepare(sql);
      if (kept.size >= maxStatements) kept.delete(kept.keys().next().value as string);
    }
    kept.set(sql, statement);
    return bindOnUse(statement);
  };
}

function bindOnUse(statement: SqliteStatement): BoundStatement {
  let values: unknown[] = [];
  // The kept statement is shared: each use sets the row shape it wants instead of inheriting the last one's.
  let raw = false;
  const bound: BoundStatement = {
    reader: statement.reader,
    bind(parameters) {
      values = parameters;
      return bound;
    },
    run: () => statement.run(...values),
    all: () => (statement.reader ? statement.raw(raw) : statement).all(...values),
    columns: () => statement.columns(),
    raw(toggle = true) {
      raw = toggle;
      return bound;
    },
  };
  return bound;
}
