// `npm run seed`: re-creates the demo events and Martin's comment; real data is never touched.
import { createDatabase } from "@/lib/db/client";
import { seedDemoContent } from "@/lib/seed/demo-content";

const db = createDatabase();
await seedDemoContent(db);
console.log("Demo content ready.");
await db.$disconnect();
