-- "Near me" reads every open project's unit vector: from this index alone, without the wide rows.
CREATE INDEX "Project_open_unit_idx" ON "Project" (id) INCLUDE ("unitX", "unitY", "unitZ") WHERE status IN ('planned', 'in_progress');
