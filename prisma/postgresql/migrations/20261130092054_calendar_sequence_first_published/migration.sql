-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "calendarSequence" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "firstPublishedAt" TIMESTAMPTZ(3);


-- Events already public were published some time before now: their creation is the best date known.
UPDATE "Event" SET "firstPublishedAt" = "createdAt" WHERE "status" = 'PUBLISHED';
