-- The desk opens in the queue's order (the priority group, then the time of applying), and across every
-- status this index walks that order and checks the project and the status inside it, as
-- "Application_desk_order_idx" does for the order of applying. The chat queue's partial index keeps
-- its two statuses only.
CREATE INDEX "Application_desk_queue_order_idx" ON "Application" ("priorityGroup", "submittedAt", "id") INCLUDE ("projectId", "status");
