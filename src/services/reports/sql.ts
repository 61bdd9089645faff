// SQL pieces the report's queries share, so that "under way in the month" means one thing.
import { sql } from "kysely";
import { Prisma } from "../../generated/prisma/client.js";
import type { ReportMonth } from "../../domain/report.js";

/** null = the whole country. */
export type DistrictFilter = readonly number[] | null;

export const inDistricts = (column: Prisma.Sql, districtIds: DistrictFilter) =>
  districtIds === null ? Prisma.sql`true` : Prisma.sql`${column} = any(${[...districtIds]}::int[])`;

/** The project `p` had works going on at some time in the month: started by its end, not finished before it. */
export const underWayIn = (m: ReportMonth) => Prisma.sql`(p.status <> 'planned' and p."startDate" < ${m.end}::date
  and (p.status = 'in_progress' or p."endDate" >= ${m.start}::date))`;

/** underWayIn as a typed fragment for statements built with Kysely (the project aliased `p`). */
export const underWay = (m: ReportMonth) => sql<boolean>`(p.status <> 'planned' and p."startDate" < ${m.end}::date
  and (p.status = 'in_progress' or p."endDate" >= ${m.start}::date))`;
