-- The staff desk's queue among a million applications: the count of each status per project and
-- priority group, kept
-- by statement triggers on Application (one aggregated write per statement, also for bulk loads),
-- and the order of applying as indexes, walked by the desk's pages.
-- The function body spells its semicolons \x3B (an escape in the E'' string): Prisma's migration
-- engine splits a script at every semicolon, even inside a function body.
CREATE TABLE "ProjectApplicationCount" (
  "projectId" INTEGER NOT NULL,
  "status" "ApplicationStatus" NOT NULL,
  "priorityGroup" INTEGER NOT NULL,
  "count" INTEGER NOT NULL DEFAULT 0,
  CONSTRAINT "ProjectApplicationCount_pkey" PRIMARY KEY ("projectId", "status", "priorityGroup"),
  CONSTRAINT "ProjectApplicationCount_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

INSERT INTO "ProjectApplicationCount" ("projectId", "status", "priorityGroup", "count")
  SELECT "projectId", status, "priorityGroup", count(*) FROM "Application" GROUP BY 1, 2, 3;

CREATE FUNCTION "ProjectApplicationCount_follows_applications"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''INSERT'' THEN
    INSERT INTO "ProjectApplicationCount" ("projectId", status, "priorityGroup", count)
      SELECT "projectId", status, "priorityGroup", count(*) FROM new_rows GROUP BY 1, 2, 3
      ON CONFLICT ("projectId", status, "priorityGroup") DO UPDATE SET count = "ProjectApplicationCount".count + excluded.count\x3B
  ELSIF TG_OP = ''DELETE'' THEN
    UPDATE "ProjectApplicationCount" c SET count = c.count - d.n
      FROM (SELECT "projectId", status, "priorityGroup", count(*)::int AS n FROM old_rows GROUP BY 1, 2, 3) d
      WHERE c."projectId" = d."projectId" AND c.status = d.status AND c."priorityGroup" = d."priorityGroup"\x3B
  ELSE
    INSERT INTO "ProjectApplicationCount" ("projectId", status, "priorityGroup", count)
      SELECT "projectId", status, "priorityGroup", sum(delta)::int FROM (
        SELECT o."projectId", o.status, o."priorityGroup", -1 AS delta FROM old_rows o JOIN new_rows n ON n.id = o.id
          WHERE o.status <> n.status OR o."projectId" <> n."projectId" OR o."priorityGroup" <> n."priorityGroup"
        UNION ALL
        SELECT n."projectId", n.status, n."priorityGroup", 1 AS delta FROM old_rows o JOIN new_rows n ON n.id = o.id
          WHERE o.status <> n.status OR o."projectId" <> n."projectId" OR o."priorityGroup" <> n."priorityGroup") changes
      GROUP BY 1, 2, 3 HAVING sum(delta) <> 0
      ON CONFLICT ("projectId", status, "priorityGroup") DO UPDATE SET count = "ProjectApplicationCount".count + excluded.count\x3B
  END IF\x3B
  RETURN NULL\x3B
END';

CREATE TRIGGER "Application_counted_insert" AFTER INSERT ON "Application"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ProjectApplicationCount_follows_applications"();
CREATE TRIGGER "Application_counted_update" AFTER UPDATE ON "Application"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ProjectApplicationCount_follows_applications"();
CREATE TRIGGER "Application_counted_delete" AFTER DELETE ON "Application"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "ProjectApplicationCount_follows_applications"();

-- The orders of applying, each with the columns the desk filters on (an index-only walk reads no
-- table rows to check a row's project): all applications, by status, by status and priority group.
CREATE INDEX "Application_desk_order_idx" ON "Application" ("submittedAt", "id") INCLUDE ("projectId", "status", "priorityGroup");
CREATE INDEX "Application_desk_status_order_idx" ON "Application" ("status", "submittedAt", "id") INCLUDE ("projectId", "priorityGroup");
DROP INDEX "Application_status_priorityGroup_submittedAt_idx";
CREATE INDEX "Application_status_priorityGroup_submittedAt_id_idx" ON "Application" ("status", "priorityGroup", "submittedAt", "id") INCLUDE ("projectId");
