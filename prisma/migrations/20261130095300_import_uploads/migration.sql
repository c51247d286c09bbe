-- CreateTable
CREATE TABLE "ImportUpload" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "xml" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "userId" TEXT,
    "summary" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "ImportUpload_createdAt_idx" ON "ImportUpload"("createdAt");
