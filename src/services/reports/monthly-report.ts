// The programme's monthly monitoring (002, "Monitoring and reports") for a set of districts, or
// the whole country: every figure is a PostgreSQL aggregate; JavaScript only applies the
// programme's rounding rules (src/domain) to per-project totals.
import { Prisma } from "../../generated/prisma/client.js";
import { commissionedJobsForCentre, referralQuota } from "../../domain/quota.js";
import { percentOf, type ReportMonth } from "../../domain/report.js";
import type { ObjectGroup, ProjectStatus, WorkKind } from "../../generated/prisma/enums.js";
import { inDistricts, underWayIn, type Client, type DistrictFilter } from "./sql.js";

export interface Named {
  nameKk: string;
  nameRu: string;
}

export interface ContractorLine {
  name: string;
  bin: string | null;
  projects: number;
}

export interface KindLine {
  objectGroup: ObjectGroup;
  workKind: WorkKind;
  started: number;
  finished: number;
  inProgress: number;
}

export interface ProjectLine extends Named {
  id: number;
  district: Named;
  objectGroup: ObjectGroup;
  workKind: WorkKind;
  status: ProjectStatus;
  /** Tenge of work done in the month, from the project's monthly figures. */
  workDone: number;
  jobsCreated: number;
  plannedJobs: number;
  quota: number;
  referred: number;
  hired: number;
  /** Hired against the quota, percent; null without a quota. */
  percentMet: number | null;
}

export interface QuotaLine extends Named {
  id: number;
  quota: number;
  referred: number;
  hired: number;
  percentMet: number | null;
}

export interface CommissionedLine extends Named {
  id: number;
  district: Named;
  commissionedAt: Date;
  permanentJobs: number;
  /** The centre's part of the permanent jobs: 15 %, at least one under 6 (002). */
  required: number;
  /** Referred people hired on the project from its commissioning on. */
  placed: number;
  met: boolean;
}

export interface PlanLine extends Named {
  id: number;
  plannedJobs: number;
  jobsCreated: number;
  jobsPercent: number | null;
  plannedPermanent: number;
  permanentCreated: number;
  permanentPercent: number | null;
}

export interface QuotaTotals {
  quota: number;
  referred: number;
  hired: number;
  percentMet: number | null;
}

export type PlanTotals = Omit<PlanLine, "id" | "nameKk" | "nameRu">;

export interface MonthlyReport {
  month: ReportMonth;
  contractors: ContractorLine[];
  kinds: KindLine[];
  projects: ProjectLine[];
  jobs: {
    jobsCreated: number;
    workDone: number;
    hiredThroughReferrals: number;
    averageWage: number | null;
    /** Hires through referrals against all jobs created in the month, percent (aim: CENTRE_HIRING_SHARE_AIM). */
    centreShare: number | null;
  };
  districts: QuotaLine[];
  /** The same by region: the country report's chart. */
  regionQuotas: QuotaLine[];
  commissioned: CommissionedLine[];
  regions: PlanLine[];
  /** Sums of the sections, computed once for the tables' totals rows and the summary. */
  totals: {
    kinds: { started: number; finished: number; inProgress: number };
    quota: QuotaTotals;
    plan: PlanTotals;
  };
}

const sum = <T>(items: T[], value: (item: T) => number) => items.reduce((total, item) => total + value(item), 0);

export type { DistrictFilter };

interface ProjectRow {
  id: number; nameKk: string; nameRu: string; districtId: number; districtKk: string; districtRu: string;
  regionId: number; regionKk: string; regionRu: string; objectGroup: ObjectGroup; workKind: WorkKind; status: ProjectStatus;
  plannedJobs: number; quotaPercent: number; permanentJobs: number; commissionedAt: Date | null;
  workDone: number; jobsCreated: number; referred: number; hired: number; hiredInMonth: number; wageSum: number; placedPermanent: number;
}

/**
 * One row per project of the districts that had started by the month's end or had a referral by
 * then, with its figures of the month and its referrals and hires up to the month's end.
 */
function projectRows(db: Client, districtIds: DistrictFilter, m: ReportMonth) {
  return db.$queryRaw<ProjectRow[]>`
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
    order by r.kato, d.kato, s.id`;
}

interface KindRow { objectGroup: ObjectGroup; workKind: WorkKind; started: number; finished: number; inProgress: number }

/** Started in the month (and no longer planned); finished in the month; still under way at its end. */
function kindRows(db: Client, districtIds: DistrictFilter, m: ReportMonth) {
  return db.$queryRaw<KindRow[]>`
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
    order by "objectGroup", "workKind"`;
}

/** Contractors of the projects under way at some time in the month. */
function contractorRows(db: Client, districtIds: DistrictFilter, m: ReportMonth) {
  return db.$queryRaw<ContractorLine[]>`
    select c.name, c.bin, count(*)::int as projects
    from "Project" p join "Contractor" c on c.id = p."contractorId"
    where ${inDistricts(Prisma.sql`p."districtId"`, districtIds)} and ${underWayIn(m)}
    group by c.id, c.name, c.bin
    order by c.name, c.id`;
}

interface PlanRow { id: number; nameKk: string; nameRu: string; plannedJobs: number; jobsCreated: number; plannedPermanent: number; permanentCreated: number }

/**
 * Percent of plan by region, as the government compares regions (003): jobs created in the
 * year up to the month's end against the jobs of the projects starting that year; permanent
 * jobs of objects commissioned in the year against those of the projects due to end that year.
 */
function planRows(db: Client, districtIds: DistrictFilter, m: ReportMonth) {
  return db.$queryRaw<PlanRow[]>`
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
    order by r.kato`;
}

const planPercents = (p: { plannedJobs: number; jobsCreated: number; plannedPermanent: number; permanentCreated: number }) => ({
  jobsPercent: percentOf(p.jobsCreated, p.plannedJobs), permanentPercent: percentOf(p.permanentCreated, p.plannedPermanent),
});

function quotaLine(id: number, names: Named, quota: number, referred: number, hired: number): QuotaLine {
  return { id, ...names, quota, referred, hired, percentMet: percentOf(hired, quota) };
}

export async function buildMonthlyReport(db: Client, districtIds: DistrictFilter, month: ReportMonth): Promise<MonthlyReport> {
  const [rows, kinds, contractors, plans] = await Promise.all([
    projectRows(db, districtIds, month), kindRows(db, districtIds, month), contractorRows(db, districtIds, month), planRows(db, districtIds, month),
  ]);

  const projects: ProjectLine[] = rows.map((r) => {
    const quota = referralQuota(r.plannedJobs, r.quotaPercent);
    return {
      id: r.id, nameKk: r.nameKk, nameRu: r.nameRu, district: { nameKk: r.districtKk, nameRu: r.districtRu },
      objectGroup: r.objectGroup, workKind: r.workKind, status: r.status, workDone: r.workDone, jobsCreated: r.jobsCreated,
      plannedJobs: r.plannedJobs, quota, referred: r.referred, hired: r.hired, percentMet: percentOf(r.hired, quota),
    };
  });

  const quotaBy = (key: (r: ProjectRow) => [number, Named]) => {
    const lines = new Map<number, { names: Named; quota: number; referred: number; hired: number }>();
    rows.forEach((r, i) => {
      const [id, names] = key(r);
      const line = lines.get(id) ?? { names, quota: 0, referred: 0, hired: 0 };
      line.quota += projects[i]!.quota;
      line.referred += r.referred;
      line.hired += r.hired;
      lines.set(id, line);
    });
    return [...lines].map(([id, d]) => quotaLine(id, d.names, d.quota, d.referred, d.hired));
  };

  const jobsCreated = sum(rows, (r) => r.jobsCreated);
  const hired = sum(rows, (r) => r.hiredInMonth);
  const wages = sum(rows, (r) => r.wageSum);

  const totalQuota = sum(projects, (p) => p.quota);
  const totalReferred = sum(projects, (p) => p.referred);
  const totalHired = sum(projects, (p) => p.hired);
  const planTotals = {
    plannedJobs: sum(plans, (p) => p.plannedJobs), jobsCreated: sum(plans, (p) => p.jobsCreated),
    plannedPermanent: sum(plans, (p) => p.plannedPermanent), permanentCreated: sum(plans, (p) => p.permanentCreated),
  };

  const commissioned = rows
    .filter((r) => r.status === "commissioned" && r.commissionedAt !== null && r.commissionedAt < month.end)
    .map((r) => {
      const required = commissionedJobsForCentre(r.permanentJobs);
      return {
        id: r.id, nameKk: r.nameKk, nameRu: r.nameRu, district: { nameKk: r.districtKk, nameRu: r.districtRu },
        commissionedAt: r.commissionedAt!, permanentJobs: r.permanentJobs, required, placed: r.placedPermanent, met: r.placedPermanent >= required,
      };
    });

  return {
    month,
    contractors,
    kinds,
    projects,
    jobs: {
      jobsCreated,
      workDone: sum(rows, (r) => r.workDone),
      hiredThroughReferrals: hired,
      averageWage: hired ? Math.round(wages / hired) : null,
      centreShare: percentOf(hired, jobsCreated),
    },
    districts: quotaBy((r) => [r.districtId, { nameKk: r.districtKk, nameRu: r.districtRu }]),
    regionQuotas: quotaBy((r) => [r.regionId, { nameKk: r.regionKk, nameRu: r.regionRu }]),
    commissioned,
    regions: plans.map((p) => ({ ...p, ...planPercents(p) })),
    totals: {
      kinds: { started: sum(kinds, (k) => k.started), finished: sum(kinds, (k) => k.finished), inProgress: sum(kinds, (k) => k.inProgress) },
      quota: { quota: totalQuota, referred: totalReferred, hired: totalHired, percentMet: percentOf(totalHired, totalQuota) },
      plan: { ...planTotals, ...planPercents(planTotals) },
    },
  };
}
