-- "Near me" walks the open projects nearest first through a GiST index on their unit vectors:
-- the cube extension's <-> is the straight-line distance, which orders points on the sphere as the
-- great-circle distance does, and the index hands out projects in that order, so PostgreSQL reads
-- only as many as the page needs instead of sorting every open project. cube ships with
-- PostgreSQL (contrib) and is a trusted extension.
CREATE EXTENSION IF NOT EXISTS cube;
CREATE INDEX "Project_open_nearest_idx" ON "Project" USING gist (cube(array["unitX", "unitY", "unitZ"])) WHERE status IN ('planned', 'in_progress');
DROP INDEX "Project_open_unit_idx";
