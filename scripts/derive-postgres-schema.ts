// `npm run db:derive-postgres`: writes prisma/postgresql/schema.prisma from prisma/schema.prisma.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { derivePostgresSchema, POSTGRES_SCHEMA_PATH } from "../lib/db/derive-postgres-schema";

const root = path.resolve(import.meta.dirname, "..");
const derived = derivePostgresSchema(readFileSync(path.join(root, "prisma/schema.prisma"), "utf8"));
writeFileSync(path.join(root, POSTGRES_SCHEMA_PATH), derived);
console.log(`Wrote ${POSTGRES_SCHEMA_PATH}. Next: DATABASE_URL=postgresql://… npx prisma migrate dev --name <change>`);
