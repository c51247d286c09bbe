-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "authorUserId" TEXT,
ADD COLUMN     "isRecapNotice" BOOLEAN NOT NULL DEFAULT false;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_authorUserId_fkey" FOREIGN KEY ("authorUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
