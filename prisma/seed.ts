// `npm run seed`: re-creates the demo events and their comments and requests; real data is never touched.
// Works while the app runs: migrations are applied first only if some are pending.
import { migrateIfNeeded } from "@/lib/db/migrate";
import { env } from "@/lib/env";

await migrateIfNeeded({ url: env.DATABASE_URL });
const { createDatabase } = await import("@/lib/db/client");
const { seedDemoContent } = await import("@/lib/seed/demo-content");
const db = createDatabase();
await seedDemoContent(db);
console.log("Demo content ready.");
await db.$disconnect();
