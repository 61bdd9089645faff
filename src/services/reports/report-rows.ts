// The monthly report's SQL: one query per table of the report, every figure a PostgreSQL aggregate.
import type { SqlRunner } from "../../db/store.js";
import { Prisma } from "../../generated/prisma/client.js";
import type { ReportMonth } from "../../domain/report.js";
import type { ObjectGroup, ProjectStatus, WorkKind } from "../../generated/prisma/enums.js";
import { inDistricts, underWayIn, type DistrictFilter } from "./sql.js";
import type { ContractorLine } from "./report-types.js";

export interface ProjectRow {
  id: number; nameKk: string; nameRu: string; districtId: number; districtKk: string; districtRu: string;
  regionId: number; regionKk: string; regionRu: string; objectGroup: ObjectGroup; workKind: WorkKind; status: ProjectStatus;
  plannedJobs: number; quotaPercent: number; permanentJobs: number; commissionedAt: Date | null;
  workDone: number; jobsCreated: number; referred: number; hired: number; hiredInMonth: number; wageSum: number; placedPermanent: number;
}

/**
 * One row per project of the districts that had started by the month's end or had a referral by
 * then, with its figures of the month and its referrals and hires up to the month's end.
 */
export function projectRows(sql: SqlRunner, districtIds: DistrictFilter, m: ReportMonth) {
  return sql.rows<ProjectRow>(Prisma.sql`
    with scope as (
      select p.* from "Project" p
      where ${inDistricts(Prisma.sql`p."districtId"`, districtIds)}
        and (p."startDate" < ${m.end}::date
             or exists (select 1 from "Application" a where a."projectId" = p.id and a."referredAt" < ${m.end}))
    ),
    figures as (
      select f."projectId", sum(f."workDone")::float8 as work_done, sum(f."jobsCreated")::int as jobs
      from "MonthlyFigure" f join scope s on s.id = f."projectId"
      where f.month = ${m.start}::date
      group by f."projectId"
    ),
    referrals as (
      select a."projectId",
        count(*) filter (where a."referredAt" < ${m.end})::int as referred,
        count(*) filter (where a.status = 'hired' and a."contractDate" < ${m.end}::date)::int as hired,
        count(*) filter (where a.status = 'hired' and a."contractDate" >= ${m.start}::date and a."contractDate" < ${m.end}::date)::int as hired_in_month,
        coalesce(sum(a.wage) filter (where a.status = 'hired' and a."contractDate" >= ${m.start}::date and a."contractDate" < ${m.end}::date), 0)::float8 as wage_sum,
        count(*) filter (where a.status = 'hired' and a."contractDate" >= s."commissionedAt" and a."contractDate" < ${m.end}::date)::int as placed_permanent
      from "Application" a join scope s on s.id = a."projectId"
      where a.status in ('referred', 'hired')
      group by a."projectId"
    )
    select s.id, s."nameKk", s."nameRu", d.id as "districtId", d."nameKk" as "districtKk", d."nameRu" as "districtRu",
      r.id as "regionId", r."nameKk" as "regionKk", r."nameRu" as "regionRu",
      s."objectGroup"::text as "objectGroup", s."workKind"::text as "workKind", s.status::text as status,
      s."plannedJobs", s."quotaPercent", s."permanentJobs", s."commissionedAt",
      coalesce(f.work_done, 0) as "workDone", coalesce(f.jobs, 0) as "jobsCreated",
      coalesce(x.referred, 0) as referred, coalesce(x.hired, 0) as hired, coalesce(x.hired_in_month, 0) as "hiredInMonth",
      coalesce(x.wage_sum, 0) as "wageSum", coalesce(x.placed_permanent, 0) as "placedPermanent"
    from scope s
      join "District" d on d.id = s."districtId"
      join "Region" r on r.id = d."regionId"
      left join figures f on f."projectId" = s.id
      left join referrals x on x."projectId" = s.id
    order by r.kato, d.kato, s.id`);
}

export interface KindRow { objectGroup: ObjectGroup; workKind: WorkKind; started: number; finished: number; inProgress: number }

/** Started in the month (and no longer planned); finished in the month; still under way at its end. */
export function kindRows(sql: SqlRunner, districtIds: DistrictFilter, m: ReportMonth) {
  return sql.rows<KindRow>(Prisma.sql`
    with flags as (
      select p."objectGroup", p."workKind",
        (p.status <> 'planned' and p."startDate" >= ${m.start}::date and p."startDate" < ${m.end}::date) as started,
        (p.status in ('completed', 'commissioned') and p."endDate" >= ${m.start}::date and p."endDate" < ${m.end}::date) as finished,
        (p.status <> 'planned' and p."startDate" < ${m.end}::date
          and (p.status = 'in_progress' or p."endDate" >= ${m.end}::date)) as in_progress
      from "Project" p
      where ${inDistricts(Prisma.sql`p."districtId"`, districtIds)}
    )
    select "objectGroup"::text as "objectGroup", "workKind"::text as "workKind",
      count(*) filter (where started)::int as started, count(*) filter (where finished)::int as finished,
      count(*) filter (where in_progress)::int as "inProgress"
    from flags
    where started or finished or in_progress
    group by "objectGroup", "workKind"
    order by "objectGroup", "workKind"`);
}

/** Contractors of the projects under way at some time in the month. */
export function contractorRows(sql: SqlRunner, districtIds: DistrictFilter, m: ReportMonth) {
  return sql.rows<ContractorLine>(Prisma.sql`
    select c.name, c.bin, count(*)::int as projects
    from "Project" p join "Contractor" c on c.id = p."contractorId"
    where ${inDistricts(Prisma.sql`p."districtId"`, districtIds)} and ${underWayIn(m)}
    group by c.id, c.name, c.bin
    order by c.name, c.id`);
}

export interface PlanRow { id: number; nameKk: string; nameRu: string; plannedJobs: number; jobsCreated: number; plannedPermanent: number; permanentCreated: number }

/**
 * Percent of plan by region, as the government compares regions (003): jobs created in the
 * year up to the month's end against the jobs of the projects starting that year; permanent
 * jobs of objects commissioned in the year against those of the projects due to end that year.
 */
export function planRows(sql: SqlRunner, districtIds: DistrictFilter, m: ReportMonth) {
  return sql.rows<PlanRow>(Prisma.sql`
    with projects as (
      select p.*, d."regionId" from "Project" p join "District" d on d.id = p."districtId"
      where ${inDistricts(Prisma.sql`p."districtId"`, districtIds)}
    ),
    created as (
      select p."regionId", sum(f."jobsCreated")::int as jobs
      from "MonthlyFigure" f join projects p on p.id = f."projectId"
      where f.month >= ${m.yearStart}::date and f.month < ${m.end}::date
      group by p."regionId"
    ),
    planned as (
      select "regionId",
        coalesce(sum("plannedJobs") filter (where "startDate" >= ${m.yearStart}::date and "startDate" < ${m.yearStart}::date + interval '1 year'), 0)::int as planned_jobs,
        coalesce(sum("permanentJobs") filter (where "endDate" >= ${m.yearStart}::date and "endDate" < ${m.yearStart}::date + interval '1 year'), 0)::int as planned_permanent,
        coalesce(sum("permanentJobs") filter (where status = 'commissioned' and "commissionedAt" >= ${m.yearStart}::date and "commissionedAt" < ${m.end}::date), 0)::int as permanent_created
      from projects group by "regionId"
    )
    select r.id, r."nameKk", r."nameRu", p.planned_jobs as "plannedJobs", coalesce(c.jobs, 0) as "jobsCreated",
      p.planned_permanent as "plannedPermanent", p.permanent_created as "permanentCreated"
    from planned p join "Region" r on r.id = p."regionId" left join created c on c."regionId" = p."regionId"
    order by r.kato`);
}
