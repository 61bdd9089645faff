-- The places taken on a position (its referred and hired applications) are counted for every
-- project card, every "near me" page and every application. This index holds exactly those rows:
-- the count reads only them, and PostgreSQL no longer picks the status index instead when the
-- statistics say referrals are still few (it then read every referral for each position).
CREATE INDEX "Application_taken_idx" ON "Application" ("positionId") WHERE status IN ('referred', 'hired');
