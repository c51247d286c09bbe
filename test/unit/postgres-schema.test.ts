import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { derivePostgresSchema, POSTGRES_SCHEMA_PATH } from "@/lib/db/derive-postgres-schema";

const root = path.resolve(import.meta.dirname, "../..");
const source = readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");

describe("the PostgreSQL schema derived from prisma/schema.prisma", () => {
  it("is committed exactly as derived (run `npm run db:derive-postgres` after editing prisma/schema.prisma)", () => {
    expect(readFileSync(path.join(root, POSTGRES_SCHEMA_PATH), "utf8")).toBe(derivePostgresSchema(source));
  });

  it("has the same models, enums and fields, with the postgresql provider and its own client", () => {
    const derived = derivePostgresSchema(source);
    const declarations = (schema: string) => schema.match(/^(model|enum) \w+/gm);
    expect(declarations(derived)).toEqual(declarations(source));
    const fieldNames = (schema: string) => schema.match(/^ {2}\w+(?=\s)/gm);
    expect(fieldNames(derived)).toEqual(fieldNames(source));
    expect(derived).toMatch(/datasource db \{\n\s+provider = "postgresql"/);
    expect(derived).not.toContain('"sqlite"');
    expect(derived).toContain('output       = "../../lib/generated/prisma-pg"');
  });

  it("stores every timestamp as timestamptz, keeping defaults and optionality", () => {
    const derived = derivePostgresSchema(
      'datasource db {\n  provider = "sqlite"\n}\nmodel A {\n  id String @id\n  at DateTime @default(now()) // when\n  maybe DateTime?\n}\n',
    );
    expect(derived).toContain("  at DateTime @default(now()) @db.Timestamptz(3) // when");
    expect(derived).toContain("  maybe DateTime? @db.Timestamptz(3)");
    expect(derived).toContain("  id String @id\n");
  });

  it("refuses a source that is not the SQLite schema", () => {
    expect(() => derivePostgresSchema('datasource db {\n  provider = "mysql"\n}\n')).toThrow(/expected provider = "sqlite"/);
    expect(() => derivePostgresSchema("model A {\n  id String @id\n}\n")).toThrow(/no datasource provider/);
  });
});
