// `npm run db:backup [-- --out path]`: a consistent copy of the running app's database.
import { backupDatabase } from "@/lib/db/backup-database";
import { env } from "@/lib/env";

const outIndex = process.argv.indexOf("--out");
const file = outIndex === -1 ? undefined : process.argv[outIndex + 1];
try {
  const result = await backupDatabase({ url: env.DATABASE_URL, file });
  console.log(`Backed up the ${result.engine === "sqlite" ? "SQLite" : "PostgreSQL"} database to ${result.file} (${Math.round(result.bytes / 1024)} KiB).`);
  if (result.engine === "sqlite") console.log(`Restore: stop the app, then copy it over the database file (${env.DATABASE_URL.replace(/^file:/, "")}).`);
  else console.log(`Restore: pg_restore --clean --no-owner --dbname <url> ${result.file}`);
} catch (error) {
  console.error(`✖ Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
