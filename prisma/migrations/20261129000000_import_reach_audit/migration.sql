-- When a project last told its subscribers that it opened: an import re-opening it tells them
-- again only after REANNOUNCE_AFTER_DAYS (src/domain/import-limits.ts).
ALTER TABLE "Project" ADD COLUMN "announcedAt" TIMESTAMP(3);

-- The audit log read by person and by kind of action, newest first (the admin's filters, and the
-- once-a-minute refusal entries).
CREATE INDEX "AuditLog_actorUserId_action_at_idx" ON "AuditLog"("actorUserId", "action", "at");
CREATE INDEX "AuditLog_action_at_idx" ON "AuditLog"("action", "at");
