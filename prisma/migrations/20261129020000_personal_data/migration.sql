-- How many IINs an account tried today (a day in Kazakhstan's time), to stop someone from testing whose IIN is registered.
ALTER TABLE "User" ADD COLUMN "iinAttemptDay" DATE;
ALTER TABLE "User" ADD COLUMN "iinAttempts" INTEGER NOT NULL DEFAULT 0;

-- A person whose IIN is registered from another account asks their employment centre to look into it.
CREATE TABLE "IinClaim" (
    "id" SERIAL NOT NULL,
    "claimantUserId" INTEGER NOT NULL,
    "iinHash" TEXT NOT NULL,
    "iinCipher" TEXT NOT NULL,
    "phoneCipher" TEXT NOT NULL,
    "districtId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),
    "outcome" TEXT,
    "resolvedById" INTEGER,
    CONSTRAINT "IinClaim_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "IinClaim_districtId_resolvedAt_idx" ON "IinClaim"("districtId", "resolvedAt");
CREATE INDEX "IinClaim_claimantUserId_idx" ON "IinClaim"("claimantUserId");
ALTER TABLE "IinClaim" ADD CONSTRAINT "IinClaim_claimantUserId_fkey" FOREIGN KEY ("claimantUserId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "IinClaim" ADD CONSTRAINT "IinClaim_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
