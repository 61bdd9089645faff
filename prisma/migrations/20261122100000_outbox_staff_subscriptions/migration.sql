-- Invitations and notifications had no rows before this migration (no feature wrote them yet).
-- DropIndex
DROP INDEX "Invitation_token_key";

-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "openings" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "blockedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Invitation" DROP COLUMN "token",
ADD COLUMN     "tokenHash" TEXT NOT NULL;

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "eventKey" TEXT NOT NULL,
ADD COLUMN     "failedAt" TIMESTAMP(3);

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_eventKey_key" ON "Notification"("eventKey");

