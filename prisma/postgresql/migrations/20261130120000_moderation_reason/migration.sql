-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "moderationReason" TEXT,
ADD COLUMN     "recapCues" TEXT;

