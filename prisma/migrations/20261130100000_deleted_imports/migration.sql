-- CreateTable
CREATE TABLE "DeletedImport" (
    "importKey" TEXT NOT NULL PRIMARY KEY,
    "deletedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
