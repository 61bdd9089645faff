-- The referral loop: the representatives of contractors (role, memberships, one-time invitations),
-- who recorded an outcome, and what the job seeker answered to the follow-up.
-- CreateEnum
CREATE TYPE "SeekerOutcome" AS ENUM ('hired', 'waiting', 'not_hired');

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'contractor';

-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "followUpAt" TIMESTAMP(3),
ADD COLUMN     "outcomeBy" "Role",
ADD COLUMN     "seekerAnswerAt" TIMESTAMP(3),
ADD COLUMN     "seekerOutcome" "SeekerOutcome",
ADD COLUMN     "seekerReason" TEXT;

-- AlterTable
ALTER TABLE "ApplicationEvent" ADD COLUMN     "actorRole" "Role";

-- CreateTable
CREATE TABLE "ContractorMembership" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "contractorId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContractorMembership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContractorInvitation" (
    "id" SERIAL NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "contractorId" INTEGER NOT NULL,
    "createdById" INTEGER NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "usedById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContractorInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ContractorMembership_contractorId_idx" ON "ContractorMembership"("contractorId");

-- CreateIndex
CREATE UNIQUE INDEX "ContractorMembership_userId_contractorId_key" ON "ContractorMembership"("userId", "contractorId");

-- CreateIndex
CREATE UNIQUE INDEX "ContractorInvitation_tokenHash_key" ON "ContractorInvitation"("tokenHash");

-- AddForeignKey
ALTER TABLE "ContractorMembership" ADD CONSTRAINT "ContractorMembership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractorMembership" ADD CONSTRAINT "ContractorMembership_contractorId_fkey" FOREIGN KEY ("contractorId") REFERENCES "Contractor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractorInvitation" ADD CONSTRAINT "ContractorInvitation_contractorId_fkey" FOREIGN KEY ("contractorId") REFERENCES "Contractor"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Referrals still waiting for an outcome, oldest first: the follow-up job and the stale referrals worklist.
CREATE INDEX "Application_referred_waiting_idx" ON "Application"("referredAt") WHERE status = 'referred';
