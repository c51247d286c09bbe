-- Mail dropped because its recipient withdrew was marked FAILED; it is CANCELLED now (a migration of its
-- own: PostgreSQL cannot use an enum value in the transaction that added it).
UPDATE "OutboundEmail" SET "status" = 'CANCELLED' WHERE "status" = 'FAILED' AND "lastError" = 'withdrawn by the recipient';
