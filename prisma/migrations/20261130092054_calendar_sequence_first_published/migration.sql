-- AlterTable
ALTER TABLE "Event" ADD COLUMN "firstPublishedAt" DATETIME;
ALTER TABLE "Event" ADD COLUMN "calendarSequence" INTEGER NOT NULL DEFAULT 0;

-- Events already public were published some time before now: their creation is the best date known.
UPDATE "Event" SET "firstPublishedAt" = "createdAt" WHERE "status" = 'PUBLISHED';
