-- CreateTable
CREATE TABLE "RecapRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "locale" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'UNCONFIRMED',
    "confirmTokenHash" TEXT NOT NULL,
    "confirmTokenExpiresAt" DATETIME NOT NULL,
    "consentAt" DATETIME NOT NULL,
    "consentIpHash" TEXT NOT NULL,
    "consentWordingVersion" TEXT NOT NULL,
    "confirmedAt" DATETIME,
    "lastConfirmationSentAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "RecapRequest_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OutboundEmail" (
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
    CONSTRAINT "OutboundEmail_recapRequestId_fkey" FOREIGN KEY ("recapRequestId") REFERENCES "RecapRequest" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "RecapRequest_confirmTokenHash_key" ON "RecapRequest"("confirmTokenHash");

-- CreateIndex
CREATE INDEX "RecapRequest_eventId_status_idx" ON "RecapRequest"("eventId", "status");

-- CreateIndex
CREATE INDEX "RecapRequest_consentIpHash_createdAt_idx" ON "RecapRequest"("consentIpHash", "createdAt");

-- CreateIndex
CREATE INDEX "RecapRequest_email_lastConfirmationSentAt_idx" ON "RecapRequest"("email", "lastConfirmationSentAt");

-- CreateIndex
CREATE UNIQUE INDEX "RecapRequest_eventId_email_key" ON "RecapRequest"("eventId", "email");

-- CreateIndex
CREATE UNIQUE INDEX "OutboundEmail_dedupeKey_key" ON "OutboundEmail"("dedupeKey");

-- CreateIndex
CREATE INDEX "OutboundEmail_status_nextAttemptAt_idx" ON "OutboundEmail"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboundEmail_kind_createdAt_idx" ON "OutboundEmail"("kind", "createdAt");

-- CreateIndex
CREATE INDEX "OutboundEmail_toAddress_createdAt_idx" ON "OutboundEmail"("toAddress", "createdAt");
