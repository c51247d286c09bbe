// For the browser tests: a host's approval of comments, through the same use case as the moderation page
// (it also trusts the poster's browser). Run as `node --import tsx e2e/approve-comment.ts <id>…`.
import { moderateComments } from "@/lib/comments/moderate-comments";
import { createDatabase } from "@/lib/db/client";

const db = createDatabase(process.env.DATABASE_URL ?? "file:./data/e2e.db");
const email = "moderation-e2e@example.org";
const host =
  (await db.user.findUnique({ where: { email }, select: { id: true, role: true } })) ??
  (await db.user.create({ data: { email, name: "Modération", passwordHash: "unused", role: "HOST" }, select: { id: true, role: true } }));
await moderateComments({ db, actor: host, input: { commentIds: process.argv.slice(2), status: "APPROVED" } });
await db.$disconnect();
