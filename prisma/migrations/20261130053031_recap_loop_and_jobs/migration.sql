/*
  Warnings:

  - You are about to drop the column `headers` on the `OutboundEmail` table. All the data in the column will be lost.
  - You are about to drop the column `confirmTokenHash` on the `RecapRequest` table. All the data in the column will be lost.

*/
-- CreateTable
CREATE TABLE "Job" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "payload" TEXT NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "runAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "leaseOwner" TEXT,
    "leaseExpiresAt" DATETIME,
    "cursor" TEXT,
    "progress" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME
);

-- CreateTable
CREATE TABLE "WorkerHeartbeat" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "hostname" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "beatAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Comment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "parentId" TEXT,
    "authorName" TEXT NOT NULL,
    "authorEmail" TEXT NOT NULL,
    "authorUrl" TEXT,
    "body" TEXT NOT NULL,
    "bodyHash" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "asksForRecap" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ipHash" TEXT NOT NULL,
    "userAgent" TEXT,
    "authorUserId" TEXT,
    "isRecapNotice" BOOLEAN NOT NULL DEFAULT false,
    "noticeForCommentId" TEXT,
    "depth" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Comment_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Comment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Comment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Comment_authorUserId_fkey" FOREIGN KEY ("authorUserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Comment_noticeForCommentId_fkey" FOREIGN KEY ("noticeForCommentId") REFERENCES "Comment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Comment" ("asksForRecap", "authorEmail", "authorName", "authorUrl", "authorUserId", "body", "bodyHash", "createdAt", "eventId", "id", "ipHash", "isRecapNotice", "parentId", "status", "userAgent") SELECT "asksForRecap", "authorEmail", "authorName", "authorUrl", "authorUserId", "body", "bodyHash", "createdAt", "eventId", "id", "ipHash", "isRecapNotice", "parentId", "status", "userAgent" FROM "Comment";
DROP TABLE "Comment";
ALTER TABLE "new_Comment" RENAME TO "Comment";
CREATE UNIQUE INDEX "Comment_noticeForCommentId_key" ON "Comment"("noticeForCommentId");
CREATE INDEX "Comment_eventId_status_createdAt_idx" ON "Comment"("eventId", "status", "createdAt");
CREATE INDEX "Comment_ipHash_createdAt_idx" ON "Comment"("ipHash", "createdAt");
CREATE INDEX "Comment_authorEmail_createdAt_idx" ON "Comment"("authorEmail", "createdAt");
CREATE INDEX "Comment_eventId_bodyHash_idx" ON "Comment"("eventId", "bodyHash");
CREATE TABLE "new_Event" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "timeZone" TEXT NOT NULL,
    "venueName" TEXT NOT NULL,
    "venueAddress" TEXT NOT NULL,
    "hostNames" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "language" TEXT NOT NULL DEFAULT 'fr',
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "recapOutlook" TEXT NOT NULL DEFAULT 'UNANNOUNCED',
    "recapExpectedOn" TEXT,
    "recapOutlookNote" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Event" ("createdAt", "endsAt", "hostNames", "id", "isDemo", "language", "slug", "startsAt", "status", "summary", "timeZone", "title", "topic", "updatedAt", "venueAddress", "venueName") SELECT "createdAt", "endsAt", "hostNames", "id", "isDemo", "language", "slug", "startsAt", "status", "summary", "timeZone", "title", "topic", "updatedAt", "venueAddress", "venueName" FROM "Event";
DROP TABLE "Event";
ALTER TABLE "new_Event" RENAME TO "Event";
CREATE UNIQUE INDEX "Event_slug_key" ON "Event"("slug");
CREATE INDEX "Event_status_startsAt_idx" ON "Event"("status", "startsAt");
CREATE TABLE "new_OutboundEmail" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "toAddress" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'fr',
    "payload" TEXT NOT NULL DEFAULT '{}',
    "subject" TEXT NOT NULL,
    "textBody" TEXT,
    "htmlBody" TEXT,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseOwner" TEXT,
    "leaseExpiresAt" DATETIME,
    "lastError" TEXT,
    "smtpResponse" TEXT,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recapRequestId" TEXT,
    "recapId" TEXT,
    "userId" TEXT,
    CONSTRAINT "OutboundEmail_recapRequestId_fkey" FOREIGN KEY ("recapRequestId") REFERENCES "RecapRequest" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "OutboundEmail_recapId_fkey" FOREIGN KEY ("recapId") REFERENCES "Recap" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "OutboundEmail_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_OutboundEmail" ("attempts", "createdAt", "dedupeKey", "htmlBody", "id", "kind", "lastError", "leaseExpiresAt", "nextAttemptAt", "recapId", "recapRequestId", "sentAt", "smtpResponse", "status", "subject", "textBody", "toAddress") SELECT "attempts", "createdAt", "dedupeKey", "htmlBody", "id", "kind", "lastError", "leaseExpiresAt", "nextAttemptAt", "recapId", "recapRequestId", "sentAt", "smtpResponse", "status", "subject", "textBody", "toAddress" FROM "OutboundEmail";
DROP TABLE "OutboundEmail";
ALTER TABLE "new_OutboundEmail" RENAME TO "OutboundEmail";
CREATE UNIQUE INDEX "OutboundEmail_dedupeKey_key" ON "OutboundEmail"("dedupeKey");
CREATE INDEX "OutboundEmail_status_nextAttemptAt_idx" ON "OutboundEmail"("status", "nextAttemptAt");
CREATE INDEX "OutboundEmail_kind_createdAt_idx" ON "OutboundEmail"("kind", "createdAt");
CREATE INDEX "OutboundEmail_toAddress_createdAt_idx" ON "OutboundEmail"("toAddress", "createdAt");
CREATE INDEX "OutboundEmail_recapId_status_idx" ON "OutboundEmail"("recapId", "status");
CREATE INDEX "OutboundEmail_recapRequestId_status_idx" ON "OutboundEmail"("recapRequestId", "status");
CREATE INDEX "OutboundEmail_sentAt_idx" ON "OutboundEmail"("sentAt");
CREATE TABLE "new_Recap" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "publishedAt" DATETIME,
    "publicationCount" INTEGER NOT NULL DEFAULT 0,
    "publishedById" TEXT,
    "replyToAskers" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Recap_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Recap_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Recap" ("body", "createdAt", "eventId", "id", "publishedAt", "status", "updatedAt") SELECT "body", "createdAt", "eventId", "id", "publishedAt", "status", "updatedAt" FROM "Recap";
DROP TABLE "Recap";
ALTER TABLE "new_Recap" RENAME TO "Recap";
CREATE UNIQUE INDEX "Recap_eventId_key" ON "Recap"("eventId");
CREATE TABLE "new_RecapRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "locale" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'UNCONFIRMED',
    "confirmTokenExpiresAt" DATETIME NOT NULL,
    "consentAt" DATETIME NOT NULL,
    "consentIpHash" TEXT NOT NULL,
    "consentWordingVersion" TEXT NOT NULL,
    "confirmedAt" DATETIME,
    "lastConfirmationSentAt" DATETIME NOT NULL,
    "recapSentAt" DATETIME,
    "withdrawnAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "RecapRequest_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_RecapRequest" ("confirmTokenExpiresAt", "confirmedAt", "consentAt", "consentIpHash", "consentWordingVersion", "createdAt", "email", "eventId", "id", "lastConfirmationSentAt", "locale", "name", "status", "updatedAt") SELECT "confirmTokenExpiresAt", "confirmedAt", "consentAt", "consentIpHash", "consentWordingVersion", "createdAt", "email", "eventId", "id", "lastConfirmationSentAt", "locale", "name", "status", "updatedAt" FROM "RecapRequest";
DROP TABLE "RecapRequest";
ALTER TABLE "new_RecapRequest" RENAME TO "RecapRequest";
CREATE INDEX "RecapRequest_eventId_status_recapSentAt_idx" ON "RecapRequest"("eventId", "status", "recapSentAt");
CREATE INDEX "RecapRequest_consentIpHash_createdAt_idx" ON "RecapRequest"("consentIpHash", "createdAt");
CREATE INDEX "RecapRequest_email_lastConfirmationSentAt_idx" ON "RecapRequest"("email", "lastConfirmationSentAt");
CREATE UNIQUE INDEX "RecapRequest_eventId_email_key" ON "RecapRequest"("eventId", "email");
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'HOST',
    "locale" TEXT NOT NULL DEFAULT 'fr',
    "digestOptOut" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_User" ("createdAt", "email", "id", "name", "passwordHash", "role", "updatedAt") SELECT "createdAt", "email", "id", "name", "passwordHash", "role", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Job_dedupeKey_key" ON "Job"("dedupeKey");

-- CreateIndex
CREATE INDEX "Job_status_runAt_idx" ON "Job"("status", "runAt");

-- CreateIndex
CREATE INDEX "Job_kind_status_idx" ON "Job"("kind", "status");

-- CreateIndex
CREATE INDEX "WorkerHeartbeat_beatAt_idx" ON "WorkerHeartbeat"("beatAt");

-- Backfill. Replies get their depth; replies deeper than the page shows (3) are attached to their ancestor
-- at depth 2, so they appear at the deepest level instead of not at all.
WITH RECURSIVE "tree"("id", "depth", "anchor") AS (
  SELECT "id", 0, NULL FROM "Comment" WHERE "parentId" IS NULL
  UNION ALL
  SELECT "c"."id", "t"."depth" + 1, CASE WHEN "t"."depth" + 1 = 2 THEN "c"."id" ELSE "t"."anchor" END
  FROM "Comment" "c" JOIN "tree" "t" ON "c"."parentId" = "t"."id"
)
UPDATE "Comment" SET
  "depth" = MIN("tree"."depth", 3),
  "parentId" = CASE WHEN "tree"."depth" > 3 THEN "tree"."anchor" ELSE "Comment"."parentId" END
FROM "tree" WHERE "tree"."id" = "Comment"."id" AND "tree"."depth" > 0;

-- A recap notice answers its parent.
UPDATE "Comment" SET "noticeForCommentId" = "parentId" WHERE "isRecapNotice" = 1;

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

-- Mail dropped because its recipient withdrew was marked FAILED; it is CANCELLED now.
UPDATE "OutboundEmail" SET "status" = 'CANCELLED' WHERE "status" = 'FAILED' AND "lastError" = 'withdrawn by the recipient';
