-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN     "actorName" TEXT;

-- AlterTable
ALTER TABLE "Invitation" ADD COLUMN     "revokedAt" TIMESTAMPTZ(3);

