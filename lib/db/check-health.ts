import { readdir } from "node:fs/promises";
import path from "node:path";
import { engineOf, type Database } from "./client";
import { migrationsFolder } from "./engine";

/** Whether the database answers and every committed migration has been applied. */
export async function checkHealth(options: { db: Database; migrationsDir?: string }) {
  const { db } = options;
  // Each engine has its own migration history.
  const migrationsDir = options.migrationsDir ?? path.join(process.cwd(), migrationsFolder(engineOf(db)));
  // Read at run time from the checkout; not something the bundler should trace.
  try {
    const entries = await readdir(/*turbopackIgnore: true*/ migrationsDir, { withFileTypes: true });
    const committed = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    const applied = await db.$queryRawUnsafe<{ migration_name: string }[]>(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
    );
    const appliedNames = new Set(applied.map((row) => row.migration_name));
    const pending = committed.filter((name) => !appliedNames.has(name)).sort();
    return { ok: pending.length === 0, database: "up" as const, pendingMigrations: pending };
  } catch (error) {
    return { ok: false, database: "down" as const, error: error instanceof Error ? error.message : String(error) };
  }
}
