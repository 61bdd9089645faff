-- CreateTable
CREATE TABLE "LoanObligation" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "receivedOn" DATE NOT NULL,
    "jobsPromised" INTEGER NOT NULL,
    "targetedUseDueOn" DATE NOT NULL,
    "jobsDueOn" DATE NOT NULL,
    "targetedUseDoneAt" TIMESTAMP(3),
    "jobsDoneAt" TIMESTAMP(3),
    "reminderJobIds" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoanObligation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LoanObligation_userId_idx" ON "LoanObligation"("userId");

-- AddForeignKey
ALTER TABLE "LoanObligation" ADD CONSTRAINT "LoanObligation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
