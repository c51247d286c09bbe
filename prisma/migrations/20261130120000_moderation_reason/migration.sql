-- AlterTable
ALTER TABLE "Comment" ADD COLUMN "moderationReason" TEXT;
ALTER TABLE "Comment" ADD COLUMN "recapCues" TEXT;
