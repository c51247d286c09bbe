-- CreateTable
CREATE TABLE "DeletedImport" (
    "importKey" TEXT NOT NULL,
    "deletedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeletedImport_pkey" PRIMARY KEY ("importKey")
);

