-- The last place a person shared with the bot ("near me"): inline mode lists the nearest projects
-- first. Cleared with the rest of the person's data when they erase it.
ALTER TABLE "User" ADD COLUMN "lastLat" DOUBLE PRECISION, ADD COLUMN "lastLon" DOUBLE PRECISION, ADD COLUMN "lastLocationAt" TIMESTAMP(3);
