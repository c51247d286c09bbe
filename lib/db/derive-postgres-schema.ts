// prisma/schema.prisma (SQLite) is the one source of truth for the data model. Prisma wants one
// schema per provider, so the PostgreSQL schema is derived from it by this pure function; the
// result is committed as prisma/postgresql/schema.prisma, and test/unit/postgres-schema.test.ts
// fails when the two drift. Regenerate with `npm run db:derive-postgres`.

export const POSTGRES_SCHEMA_PATH = "prisma/postgresql/schema.prisma";

const HEADER = [
  "// GENERATED from prisma/schema.prisma by `npm run db:derive-postgres`. Do not edit: edit prisma/schema.prisma,",
  "// then run `npm run db:derive-postgres` and create the PostgreSQL migration (see docs/DEPLOYMENT.md).",
].join("\n");

export function derivePostgresSchema(sqliteSchema: string): string {
  const lines = sqliteSchema.replace(/\r\n/g, "\n").split("\n");
  // The source's leading comment describes the source; the derived file gets its own.
  while (lines.length > 0 && lines[0].startsWith("//")) lines.shift();

  let block: "generator" | "datasource" | "model" | "other" = "other";
  let sawProvider = false;
  const out = lines.map((line) => {
    const opening = /^(generator|datasource|model|enum|view|type)\s+\w+\s*\{/.exec(line);
    if (opening) {
      block = opening[1] === "generator" || opening[1] === "datasource" || opening[1] === "model" ? opening[1] : "other";
      return line;
    }
    if (/^\}/.test(line)) {
      block = "other";
      return line;
    }
    if (block === "datasource" && /^\s*provider\s*=/.test(line)) {
      sawProvider = true;
      if (!/"sqlite"/.test(line)) throw new Error(`prisma/schema.prisma: expected provider = "sqlite", got: ${line.trim()}`);
      return line.replace('"sqlite"', '"postgresql"');
    }
    if (block === "generator" && /^\s*output\s*=/.test(line)) {
      // The derived schema lives one folder deeper and generates a client of its own.
      return line.replace(/"\.\.\/lib\/generated\/prisma"/, '"../../lib/generated/prisma-pg"');
    }
    if (block === "model") {
      // Timestamps as `timestamptz`: PostgreSQL then stores instants, whatever the server's TimeZone.
      const field = /^(\s+\w+\s+DateTime\??)(\s.*)?$/.exec(line);
      if (field && !/@db\./.test(line)) {
        const rest = field[2] ?? "";
        const [attributes, comment] = splitComment(rest);
        return `${field[1]}${attributes.trimEnd()} @db.Timestamptz(3)${comment ? ` ${comment}` : ""}`;
      }
    }
    return line;
  });
  if (!sawProvider) throw new Error("prisma/schema.prisma: no datasource provider found");
  return `${HEADER}\n\n${out.join("\n").replace(/^\n+/, "")}`;
}

function splitComment(rest: string): [string, string] {
  const index = rest.indexOf("//");
  return index === -1 ? [rest, ""] : [rest.slice(0, index), rest.slice(index).trim()];
}
