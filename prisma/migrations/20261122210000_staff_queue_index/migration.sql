-- The staff queue's default view (submitted and referred) in its order: priority group, time of
-- applying, id. Partial, so Prisma's schema cannot say it (see the comment on Application).
CREATE INDEX "Application_queue_idx" ON "Application" ("priorityGroup", "submittedAt", id) WHERE status IN ('submitted', 'referred');
