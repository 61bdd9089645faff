-- Telegram's limits shared by every instance: the next free moment of the bot as a whole (one row)
-- and of each chat (User."nextMessageAt"), each message reserving its moment in PostgreSQL.
CREATE TABLE "OutboxClock" (
    "id" INTEGER NOT NULL,
    "nextAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OutboxClock_pkey" PRIMARY KEY ("id")
);
INSERT INTO "OutboxClock" ("id") VALUES (1);

ALTER TABLE "User" ADD COLUMN "nextMessageAt" TIMESTAMP(3);

-- Of a notification with files (the monthly report), the parts already sent: a retry sends the rest.
ALTER TABLE "Notification" ADD COLUMN "partsSent" INTEGER NOT NULL DEFAULT 0;

-- Admins list the notifications given up.
CREATE INDEX "Notification_failedAt_idx" ON "Notification"("failedAt");
