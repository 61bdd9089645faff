-- The staff queue's default view (submitted and referred) in its order: priority group, time of
-- applying, id. With the project, so that the district check needs no table access. Partial, so
-- Prisma's schema cannot say it (see the comment on Application). No semicolon in these comments:
-- Prisma's migration engine splits the script at every one.
CREATE INDEX "Application_queue_idx" ON "Application" ("priorityGroup", "submittedAt", id) INCLUDE ("projectId")
  WHERE status IN ('submitted', 'referred');
