-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "importKey" TEXT;

-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "dateToCheck" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "importKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Comment_importKey_key" ON "Comment"("importKey");

-- CreateIndex
CREATE UNIQUE INDEX "Event_importKey_key" ON "Event"("importKey");

