// `npm run admin:create -- --email you@example.org [--name "Your Name"] [--password …] [--role HOST]`
// Creates a dashboard account. Without --password, a strong one is generated and printed once.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { migrateIfNeeded } from "@/lib/db/migrate";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/errors";

const { values } = parseArgs({
  options: { email: { type: "string" }, name: { type: "string" }, password: { type: "string" }, role: { type: "string", default: "ADMIN" } },
});
if (!values.email) {
  console.error('Usage: npm run admin:create -- --email you@example.org [--name "Your Name"] [--password …] [--role ADMIN|HOST]');
  process.exit(2);
}
const password = values.password ?? randomBytes(15).toString("base64url");
// Works while the app runs: migrations are applied only if some are pending (which needs the app stopped).
await migrateIfNeeded({ url: env.DATABASE_URL });
const { createDatabase } = await import("@/lib/db/client");
const { createUser } = await import("@/lib/users/create-user");
const db = createDatabase();
try {
  const user = await createUser({
    db,
    actor: "system",
    input: { email: values.email, name: values.name ?? values.email.split("@")[0], password, role: values.role?.toUpperCase() },
  });
  console.log(`Created ${user.role.toLowerCase()} ${user.email}.`);
  if (!values.password) console.log(`Password (shown once): ${password}`);
  console.log("Sign in at /sign-in.");
} catch (error) {
  if (isAppError(error)) {
    console.error(`Could not create the account: ${error.messageKey}${error.fieldErrors ? ` ${JSON.stringify(error.fieldErrors)}` : ""}`);
    process.exit(1);
  }
  throw error;
} finally {
  await db.$disconnect();
}
