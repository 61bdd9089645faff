-- The places taken on each position (its referred and hired applications), kept by a trigger on
-- Application so that every writer keeps it right: staff actions, imports, seeds, bulk loads,
-- tests. "Near me", the project card, the application checks and referrals read it instead of
-- counting applications.
-- The function body spells its semicolons \x3B (an escape in the E'' string): Prisma's migration
-- engine splits a script at every semicolon, even inside a function body.
ALTER TABLE "Position" ADD COLUMN "taken" INTEGER NOT NULL DEFAULT 0;

UPDATE "Position" s SET taken = (SELECT count(*) FROM "Application" a WHERE a."positionId" = s.id AND a.status IN ('referred', 'hired'));

CREATE FUNCTION "Position_taken_follows_applications"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''UPDATE'' THEN
    IF OLD.status IN (''referred'', ''hired'') AND NEW.status IN (''referred'', ''hired'') AND OLD."positionId" = NEW."positionId" THEN
      RETURN NULL\x3B
    END IF\x3B
  END IF\x3B
  IF TG_OP IN (''UPDATE'', ''DELETE'') THEN
    IF OLD.status IN (''referred'', ''hired'') THEN
      UPDATE "Position" SET taken = taken - 1 WHERE id = OLD."positionId"\x3B
    END IF\x3B
  END IF\x3B
  IF TG_OP IN (''INSERT'', ''UPDATE'') THEN
    IF NEW.status IN (''referred'', ''hired'') THEN
      UPDATE "Position" SET taken = taken + 1 WHERE id = NEW."positionId"\x3B
    END IF\x3B
  END IF\x3B
  RETURN NULL\x3B
END';

CREATE TRIGGER "Application_taken" AFTER INSERT OR DELETE OR UPDATE OF status, "positionId" ON "Application"
  FOR EACH ROW EXECUTE FUNCTION "Position_taken_follows_applications"();
