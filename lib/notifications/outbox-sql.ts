import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The outbox's "status" column, in a condition on rows the statement already names by id, written so that no
 * index on it can be used: the rows are then found by primary key, a few lookups. Written plainly, both engines
 * may walk the status index instead — SQLite keeps no statistics and prefers it to several primary-key lookups
 * (walking every PENDING row: the whole queue, at the start of a large fan-out); PostgreSQL, before its first
 * analyze of a fresh table, combines it with the primary key, and its entries for a busy status include every
 * row that had it until the next vacuum. The cast changes no value.
 */
export const STATUS_OF_NAMED_ROWS = Prisma.sql`CAST("status" AS TEXT)`;
