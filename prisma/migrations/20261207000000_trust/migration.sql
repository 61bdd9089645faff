-- The audit trail belongs to the service: an entry keeps its actor's name as it was when that person
-- later erased their personal data (the operator's own records, the law's exception for them).
ALTER TABLE "AuditLog" ADD COLUMN "actorName" TEXT;
-- Four eyes on identity: moving a registration to the claimant's account is proposed by one person
-- and carried out only when a second one confirms it.
ALTER TABLE "IinClaim" ADD COLUMN "proposedById" INTEGER, ADD COLUMN "proposedAt" TIMESTAMP(3);
-- A shared location is kept at most LOCATION_KEPT_DAYS for people who did not register.
CREATE INDEX "User_lastLocationAt_idx" ON "User"("lastLocationAt") WHERE "lastLocationAt" IS NOT NULL;
