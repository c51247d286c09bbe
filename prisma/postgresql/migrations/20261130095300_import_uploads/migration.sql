-- CreateTable
CREATE TABLE "ImportUpload" (
    "id" TEXT NOT NULL,
    "xml" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "userId" TEXT,
    "summary" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportUpload_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ImportUpload_createdAt_idx" ON "ImportUpload"("createdAt");

