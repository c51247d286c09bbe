-- AlterTable
ALTER TABLE "User" ADD COLUMN "disabledAt" DATETIME;

-- CreateTable
CREATE TABLE "TrustedCommenter" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "RateLimiterFlexible" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "points" INTEGER NOT NULL,
    "expire" DATETIME
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
    "ipHash" TEXT,
    "userAgent" TEXT,
    "duplicateKey" TEXT,
    "duplicateIpKey" TEXT,
    "commenterKeyHash" TEXT,
    "authorUserId" TEXT,
    "isRecapNotice" BOOLEAN NOT NULL DEFAULT false,
    "noticeForCommentId" TEXT,
    "depth" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Comment_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Comment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Comment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Comment_authorUserId_fkey" FOREIGN KEY ("authorUserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Comment_noticeForCommentId_fkey" FOREIGN KEY ("noticeForCommentId") REFERENCES "Comment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Comment" ("asksForRecap", "authorEmail", "authorName", "authorUrl", "authorUserId", "body", "bodyHash", "createdAt", "depth", "eventId", "id", "ipHash", "isRecapNotice", "noticeForCommentId", "parentId", "status", "userAgent") SELECT "asksForRecap", "authorEmail", "authorName", "authorUrl", "authorUserId", "body", "bodyHash", "createdAt", "depth", "eventId", "id", "ipHash", "isRecapNotice", "noticeForCommentId", "parentId", "status", "userAgent" FROM "Comment";
DROP TABLE "Comment";
ALTER TABLE "new_Comment" RENAME TO "Comment";
CREATE UNIQUE INDEX "Comment_duplicateKey_key" ON "Comment"("duplicateKey");
CREATE UNIQUE INDEX "Comment_duplicateIpKey_key" ON "Comment"("duplicateIpKey");
CREATE UNIQUE INDEX "Comment_noticeForCommentId_key" ON "Comment"("noticeForCommentId");
CREATE INDEX "Comment_eventId_status_createdAt_idx" ON "Comment"("eventId", "status", "createdAt");
CREATE INDEX "Comment_ipHash_createdAt_idx" ON "Comment"("ipHash", "createdAt");
CREATE INDEX "Comment_authorEmail_createdAt_idx" ON "Comment"("authorEmail", "createdAt");
CREATE INDEX "Comment_eventId_bodyHash_idx" ON "Comment"("eventId", "bodyHash");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "RateLimiterFlexible_expire_idx" ON "RateLimiterFlexible"("expire");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- Hosts' replies and the demo's comments carry no client address.
UPDATE "Comment" SET "ipHash" = NULL WHERE "ipHash" IN ('', 'host', 'demo');
