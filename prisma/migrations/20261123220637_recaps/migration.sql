-- CreateTable
CREATE TABLE "Recap" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "publishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Recap_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RecapLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "recapId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    CONSTRAINT "RecapLink_recapId_fkey" FOREIGN KEY ("recapId") REFERENCES "Recap" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_OutboundEmail" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "toAddress" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "textBody" TEXT NOT NULL,
    "htmlBody" TEXT NOT NULL,
    "headers" TEXT NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseExpiresAt" DATETIME,
    "lastError" TEXT,
    "smtpResponse" TEXT,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recapRequestId" TEXT,
    "recapId" TEXT,
    CONSTRAINT "OutboundEmail_recapRequestId_fkey" FOREIGN KEY ("recapRequestId") REFERENCES "RecapRequest" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "OutboundEmail_recapId_fkey" FOREIGN KEY ("recapId") REFERENCES "Recap" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_OutboundEmail" ("attempts", "createdAt", "dedupeKey", "headers", "htmlBody", "id", "kind", "lastError", "leaseExpiresAt", "nextAttemptAt", "recapRequestId", "sentAt", "smtpResponse", "status", "subject", "textBody", "toAddress") SELECT "attempts", "createdAt", "dedupeKey", "headers", "htmlBody", "id", "kind", "lastError", "leaseExpiresAt", "nextAttemptAt", "recapRequestId", "sentAt", "smtpResponse", "status", "subject", "textBody", "toAddress" FROM "OutboundEmail";
DROP TABLE "OutboundEmail";
ALTER TABLE "new_OutboundEmail" RENAME TO "OutboundEmail";
CREATE UNIQUE INDEX "OutboundEmail_dedupeKey_key" ON "OutboundEmail"("dedupeKey");
CREATE INDEX "OutboundEmail_status_nextAttemptAt_idx" ON "OutboundEmail"("status", "nextAttemptAt");
CREATE INDEX "OutboundEmail_kind_createdAt_idx" ON "OutboundEmail"("kind", "createdAt");
CREATE INDEX "OutboundEmail_toAddress_createdAt_idx" ON "OutboundEmail"("toAddress", "createdAt");
CREATE INDEX "OutboundEmail_recapId_status_idx" ON "OutboundEmail"("recapId", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Recap_eventId_key" ON "Recap"("eventId");

-- CreateIndex
CREATE INDEX "RecapLink_recapId_position_idx" ON "RecapLink"("recapId", "position");
