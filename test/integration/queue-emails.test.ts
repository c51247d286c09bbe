// Writing a notification to the outbox twice queues it once (lib/notifications/queue-emails.ts): whether the second
// write is the same call, a later one, or hundreds of e-mails further on in a large batch. What is already queued is
// left as it is, and the count returned is the e-mails that are new.
import { describe, expect, it } from "vitest";
import { createDatabase } from "@/lib/db/client";
import { type QueuedEmail, queueEmails } from "@/lib/notifications/queue-emails";

const db = createDatabase();
let run = 0;

const email = (key: string, overrides: Partial<QueuedEmail> = {}): QueuedEmail => ({
  kind: "host-digest",
  dedupeKey: key,
  toAddress: `${key.replaceAll(/[^a-z0-9-]/g, "-")}@example.org`,
  subject: "Digest",
  ...overrides,
});
const rowsOf = (prefix: string) => db.outboundEmail.findMany({ where: { dedupeKey: { startsWith: prefix } }, orderBy: { dedupeKey: "asc" } });

describe("queueing e-mails", () => {
  it("queues a notification written twice in one call once", async () => {
    const prefix = `twice-${++run}-`;
    const created = await queueEmails(db, [email(`${prefix}a`, { subject: "Premier" }), email(`${prefix}b`), email(`${prefix}a`, { subject: "Second" })]);
    expect(created).toBe(2);
    const rows = await rowsOf(prefix);
    expect(rows.map((row) => [row.dedupeKey, row.subject])).toEqual([
      [`${prefix}a`, "Premier"],
      [`${prefix}b`, "Digest"],
    ]);
  });

  it("leaves an e-mail already queued as it is, sent or not, and counts only the new ones", async () => {
    const prefix = `again-${++run}-`;
    expect(await queueEmails(db, [email(`${prefix}sent`), email(`${prefix}waiting`)])).toBe(2);
    await db.outboundEmail.update({ where: { dedupeKey: `${prefix}sent` }, data: { status: "SENT", sentAt: new Date() } });
    const later = await queueEmails(db, [
      email(`${prefix}sent`, { subject: "Encore" }),
      email(`${prefix}waiting`, { subject: "Encore" }),
      email(`${prefix}new`),
    ]);
    expect(later).toBe(1);
    const rows = await rowsOf(prefix);
    expect(rows.map((row) => [row.dedupeKey, row.status, row.subject])).toEqual([
      [`${prefix}new`, "PENDING", "Digest"],
      [`${prefix}sent`, "SENT", "Digest"],
      [`${prefix}waiting`, "PENDING", "Digest"],
    ]);
    expect(await queueEmails(db, [])).toBe(0);
  });

  it("queues a large batch whole, each notification once, when its repeats are hundreds of e-mails apart", async () => {
    const prefix = `large-${++run}-`;
    const keys = Array.from({ length: 1200 }, (_, index) => `${prefix}${String(index).padStart(4, "0")}`);
    // The first ten again at the end, and the batch's middle twice.
    const batch = [...keys, ...keys.slice(0, 10), ...keys.slice(590, 610)].map((key) => email(key));
    expect(await queueEmails(db, batch)).toBe(1200);
    const rows = await rowsOf(prefix);
    expect(rows.map((row) => row.dedupeKey)).toEqual(keys);
    expect(await queueEmails(db, batch)).toBe(0);
  });

  it("queues each notification once when several transactions write the same ones at the same moment, and none fails", async () => {
    const prefix = `race-${++run}-`;
    const batch = Array.from({ length: 40 }, (_, index) => email(`${prefix}${String(index).padStart(2, "0")}`));
    const counts = await Promise.all(Array.from({ length: 6 }, () => db.$transaction((tx) => queueEmails(tx, batch))));
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(40);
    expect(await rowsOf(prefix)).toHaveLength(40);
  });
});
