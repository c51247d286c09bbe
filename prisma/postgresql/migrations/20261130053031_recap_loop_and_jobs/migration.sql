-- CreateEnum
CREATE TYPE "RecapOutlook" AS ENUM ('UNANNOUNCED', 'EXPECTED', 'NOT_PLANNED');

-- CreateEnum
CREATE TYPE "JobStatus" AS ENUM ('PENDING', 'RUNNING', 'DONE', 'FAILED');

-- AlterEnum
ALTER TYPE "OutboundEmailStatus" ADD VALUE 'CANCELLED';

-- DropIndex
DROP INDEX "RecapRequest_confirmTokenHash_key";

-- DropIndex
DROP INDEX "RecapRequest_eventId_status_idx";

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "depth" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "noticeForCommentId" TEXT;

-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "recapExpectedOn" TEXT,
ADD COLUMN     "recapOutlook" "RecapOutlook" NOT NULL DEFAULT 'UNANNOUNCED',
ADD COLUMN     "recapOutlookNote" TEXT;

-- AlterTable
ALTER TABLE "OutboundEmail" DROP COLUMN "headers",
ADD COLUMN     "leaseOwner" TEXT,
ADD COLUMN     "locale" TEXT NOT NULL DEFAULT 'fr',
ADD COLUMN     "payload" TEXT NOT NULL DEFAULT '{}',
ADD COLUMN     "userId" TEXT,
ALTER COLUMN "textBody" DROP NOT NULL,
ALTER COLUMN "htmlBody" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Recap" ADD COLUMN     "publicationCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "publishedById" TEXT,
ADD COLUMN     "replyToAskers" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "RecapRequest" DROP COLUMN "confirmTokenHash",
ADD COLUMN     "recapSentAt" TIMESTAMPTZ(3),
ADD COLUMN     "withdrawnAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "digestOptOut" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "locale" TEXT NOT NULL DEFAULT 'fr';

-- CreateTable
CREATE TABLE "Job" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "payload" TEXT NOT NULL DEFAULT '{}',
    "status" "JobStatus" NOT NULL DEFAULT 'PENDING',
    "runAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "leaseOwner" TEXT,
    "leaseExpiresAt" TIMESTAMPTZ(3),
    "cursor" TEXT,
    "progress" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER,
    "lastError" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkerHeartbeat" (
    "id" TEXT NOT NULL,
    "hostname" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "beatAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "WorkerHeartbeat_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Job_dedupeKey_key" ON "Job"("dedupeKey");

-- CreateIndex
CREATE INDEX "Job_status_runAt_idx" ON "Job"("status", "runAt");

-- CreateIndex
CREATE INDEX "Job_kind_status_idx" ON "Job"("kind", "status");

-- CreateIndex
CREATE INDEX "WorkerHeartbeat_beatAt_idx" ON "WorkerHeartbeat"("beatAt");

-- CreateIndex
CREATE UNIQUE INDEX "Comment_noticeForCommentId_key" ON "Comment"("noticeForCommentId");

-- CreateIndex
CREATE INDEX "OutboundEmail_recapRequestId_status_idx" ON "OutboundEmail"("recapRequestId", "status");

-- CreateIndex
CREATE INDEX "OutboundEmail_sentAt_idx" ON "OutboundEmail"("sentAt");

-- CreateIndex
CREATE INDEX "RecapRequest_eventId_status_recapSentAt_idx" ON "RecapRequest"("eventId", "status", "recapSentAt");

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_noticeForCommentId_fkey" FOREIGN KEY ("noticeForCommentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboundEmail" ADD CONSTRAINT "OutboundEmail_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recap" ADD CONSTRAINT "Recap_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Backfill. Replies get their depth; replies deeper than the page shows (3) are attached to their ancestor
-- at depth 2, so they appear at the deepest level instead of not at all.
WITH RECURSIVE "tree"("id", "depth", "anchor") AS (
  SELECT "id", 0, NULL::TEXT FROM "Comment" WHERE "parentId" IS NULL
  UNION ALL
  SELECT "c"."id", "t"."depth" + 1, CASE WHEN "t"."depth" + 1 = 2 THEN "c"."id" ELSE "t"."anchor" END
  FROM "Comment" "c" JOIN "tree" "t" ON "c"."parentId" = "t"."id"
)
UPDATE "Comment" SET
  "depth" = LEAST("tree"."depth", 3),
  "parentId" = CASE WHEN "tree"."depth" > 3 THEN "tree"."anchor" ELSE "Comment"."parentId" END
FROM "tree" WHERE "tree"."id" = "Comment"."id" AND "tree"."depth" > 0;

-- A recap notice answers its parent.
UPDATE "Comment" SET "noticeForCommentId" = "parentId" WHERE "isRecapNotice" = true;

-- Who already received their recap, and who published each recap.
UPDATE "RecapRequest" SET "recapSentAt" = (
  SELECT MIN("e"."sentAt") FROM "OutboundEmail" "e"
  WHERE "e"."recapRequestId" = "RecapRequest"."id" AND "e"."kind" = 'recap-published' AND "e"."status" = 'SENT'
);
UPDATE "Recap" SET "publicationCount" = 1 WHERE "publishedAt" IS NOT NULL;
UPDATE "Recap" SET "publishedById" = (
  SELECT "a"."actorId" FROM "AuditLog" "a"
  WHERE "a"."targetType" = 'Recap' AND "a"."targetId" = "Recap"."id" AND "a"."action" = 'recap.publish'
  ORDER BY "a"."createdAt" DESC LIMIT 1
);
