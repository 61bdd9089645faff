// SQL pieces the report's queries share, so that "under way in the month" means one thing. Typed
// fragments: "= any(array)" and the status arithmetic have no Kysely builders.
import { sql } from "kysely";
import type { ReportMonth } from "../../domain/report.js";

/** null = the whole country. */
export type DistrictFilter = readonly number[] | null;

/** A column of district ids within the filter. */
export const inDistrictsOf = (column: string, districtIds: DistrictFilter) =>
  districtIds === null ? sql<boolean>`true` : sql<boolean>`${sql.ref(column)} = any(${[...districtIds]}::int[])`;

/** The project `p` had works going on at some time in the month: started by its end, not finished before it. */
export const underWay = (m: ReportMonth) => sql<boolean>`(p.status <> 'planned' and p."startDate" < ${m.end}::date
  and (p.status = 'in_progress' or p."endDate" >= ${m.start}::date))`;
