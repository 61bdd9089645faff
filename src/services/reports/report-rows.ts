// The monthly report's SQL: one query per table of the report, every figure a PostgreSQL aggregate.
// The aggregates with their FILTER clauses (and interval arithmetic) are typed fragments: Kysely
// has no builder for "count(*) filter (where …)".
import { sql } from "kysely";
import type { SqlRunner } from "../../db/store.js";
import { q } from "../../db/typed.js";
import type { ReportMonth } from "../../domain/report.js";
import { inDistrictsOf, underWay, type DistrictFilter } from "./sql.js";
import type { ContractorLine } from "./report-types.js";

const day = (date: Date) => sql<Date>`${date}::date`;

/**
 * One row per project of the districts that had started by the month's end or had a referral by
 * then, with its figures of the month and its referrals and hires up to the month's end.
 */
export function projectRows(runner: SqlRunner, districtIds: DistrictFilter, m: ReportMonth) {
  const hiredBetween = (from: unknown) =>
    sql<boolean>`a.status = 'hired' and a."contractDate" >= ${from} and a."contractDate" < ${day(m.end)}`;
  return runner.all(
    q
      .with("scope", (db) =>
        db
          .selectFrom("Project as p")
          .selectAll("p")
          .where(inDistrictsOf("p.districtId", districtIds))
          .where((eb) =>
            eb.or([
              eb("p.startDate", "<", day(m.end)),
              eb.exists(
                eb
                  .selectFrom("Application as a")
                  .select("a.id")
                  .whereRef("a.projectId", "=", "p.id")
                  .where("a.referredAt", "<", m.end),
              ),
            ]),
          ),
      )
      .with("figures", (db) =>
        db
          .selectFrom("MonthlyFigure as f")
          .innerJoin("scope as s", "s.id", "f.projectId")
          .select([
            "f.projectId",
            sql<number>`sum(f."workDone")::float8`.as("work_done"),
            sql<number>`sum(f."jobsCreated")::int`.as("jobs"),
          ])
          .where("f.month", "=", day(m.start))
          .groupBy("f.projectId"),
      )
      .with("referrals", (db) =>
        db
          .selectFrom("Application as a")
          .innerJoin("scope as s", "s.id", "a.projectId")
          .select([
            "a.projectId",
            sql<number>`count(*) filter (where a."referredAt" < ${m.end})::int`.as("referred"),
            sql<number>`count(*) filter (where a.status = 'hired' and a."contractDate" < ${day(m.end)})::int`.as(
              "hired",
            ),
            sql<number>`count(*) filter (where ${hiredBetween(day(m.start))})::int`.as("hired_in_month"),
            sql<number>`coalesce(sum(a.wage) filter (where ${hiredBetween(day(m.start))}), 0)::float8`.as("wage_sum"),
            sql<number>`count(*) filter (where ${hiredBetween(sql`s."commissionedAt"`)})::int`.as("placed_permanent"),
          ])
          .where("a.status", "in", ["referred", "hired"])
          .groupBy("a.projectId"),
      )
      .selectFrom("scope as s")
      .innerJoin("District as d", "d.id", "s.districtId")
      .innerJoin("Region as r", "r.id", "d.regionId")
      .leftJoin("figures as f", "f.projectId", "s.id")
      .leftJoin("referrals as x", "x.projectId", "s.id")
      .select([
        "s.id",
        "s.nameKk",
        "s.nameRu",
        "d.id as districtId",
        "d.nameKk as districtKk",
        "d.nameRu as districtRu",
        "r.id as regionId",
        "r.nameKk as regionKk",
        "r.nameRu as regionRu",
        "s.objectGroup",
        "s.workKind",
        "s.status",
        "s.plannedJobs",
        "s.quotaPercent",
        "s.permanentJobs",
        "s.commissionedAt",
        sql<number>`coalesce(f.work_done, 0)`.as("workDone"),
        sql<number>`coalesce(f.jobs, 0)`.as("jobsCreated"),
        sql<number>`coalesce(x.referred, 0)`.as("referred"),
        sql<number>`coalesce(x.hired, 0)`.as("hired"),
        sql<number>`coalesce(x.hired_in_month, 0)`.as("hiredInMonth"),
        sql<number>`coalesce(x.wage_sum, 0)`.as("wageSum"),
        sql<number>`coalesce(x.placed_permanent, 0)`.as("placedPermanent"),
      ])
      .orderBy("r.kato")
      .orderBy("d.kato")
      .orderBy("s.id"),
  );
}

export type ProjectRow = Awaited<ReturnType<typeof projectRows>>[number];

/** Started in the month (and no longer planned); finished in the month; still under way at its end. */
export function kindRows(runner: SqlRunner, districtIds: DistrictFilter, m: ReportMonth) {
  return runner.all(
    q
      .with("flags", (db) =>
        db
          .selectFrom("Project as p")
          .select([
            "p.objectGroup",
            "p.workKind",
            sql<boolean>`(p.status <> 'planned' and p."startDate" >= ${day(m.start)} and p."startDate" < ${day(m.end)})`.as(
              "started",
            ),
            sql<boolean>`(p.status in ('completed', 'commissioned') and p."endDate" >= ${day(m.start)} and p."endDate" < ${day(m.end)})`.as(
              "finished",
            ),
            sql<boolean>`(p.status <> 'planned' and p."startDate" < ${day(m.end)} and (p.status = 'in_progress' or p."endDate" >= ${day(m.end)}))`.as(
              "in_progress",
            ),
          ])
          .where(inDistrictsOf("p.districtId", districtIds)),
      )
      .selectFrom("flags")
      .select([
        "objectGroup",
        "workKind",
        sql<number>`count(*) filter (where started)::int`.as("started"),
        sql<number>`count(*) filter (where finished)::int`.as("finished"),
        sql<number>`count(*) filter (where in_progress)::int`.as("inProgress"),
      ])
      .where((eb) => eb.or([eb("started", "=", true), eb("finished", "=", true), eb("in_progress", "=", true)]))
      .groupBy(["objectGroup", "workKind"])
      .orderBy("objectGroup")
      .orderBy("workKind"),
  );
}

export type KindRow = Awaited<ReturnType<typeof kindRows>>[number];

/** Contractors of the projects under way at some time in the month. */
export function contractorRows(
  runner: SqlRunner,
  districtIds: DistrictFilter,
  m: ReportMonth,
): Promise<ContractorLine[]> {
  return runner.all(
    q
      .selectFrom("Project as p")
      .innerJoin("Contractor as c", "c.id", "p.contractorId")
      .select(["c.name", "c.bin", sql<number>`count(*)::int`.as("projects")])
      .where(inDistrictsOf("p.districtId", districtIds))
      .where(underWay(m))
      .groupBy(["c.id", "c.name", "c.bin"])
      .orderBy("c.name")
      .orderBy("c.id"),
  );
}

/**
 * Percent of plan by region, as the government compares regions (003): jobs created in the
 * year up to the month's end against the jobs of the projects starting that year; permanent
 * jobs of objects commissioned in the year against those of the projects due to end that year.
 */
export function planRows(runner: SqlRunner, districtIds: DistrictFilter, m: ReportMonth) {
  const inYear = (column: string) =>
    sql<boolean>`${sql.ref(column)} >= ${day(m.yearStart)} and ${sql.ref(column)} < ${day(m.yearStart)} + interval '1 year'`;
  return runner.all(
    q
      .with("projects", (db) =>
        db
          .selectFrom("Project as p")
          .innerJoin("District as d", "d.id", "p.districtId")
          .selectAll("p")
          .select("d.regionId")
          .where(inDistrictsOf("p.districtId", districtIds)),
      )
      .with("created", (db) =>
        db
          .selectFrom("MonthlyFigure as f")
          .innerJoin("projects as p", "p.id", "f.projectId")
          .select(["p.regionId", sql<number>`sum(f."jobsCreated")::int`.as("jobs")])
          .where("f.month", ">=", day(m.yearStart))
          .where("f.month", "<", day(m.end))
          .groupBy("p.regionId"),
      )
      .with("planned", (db) =>
        db
          .selectFrom("projects")
          .select([
            "regionId",
            sql<number>`coalesce(sum("plannedJobs") filter (where ${inYear("startDate")}), 0)::int`.as("planned_jobs"),
            sql<number>`coalesce(sum("permanentJobs") filter (where ${inYear("endDate")}), 0)::int`.as(
              "planned_permanent",
            ),
            sql<number>`coalesce(sum("permanentJobs") filter (where status = 'commissioned' and "commissionedAt" >= ${day(m.yearStart)} and "commissionedAt" < ${day(m.end)}), 0)::int`.as(
              "permanent_created",
            ),
          ])
          .groupBy("regionId"),
      )
      .selectFrom("planned as p")
      .innerJoin("Region as r", "r.id", "p.regionId")
      .leftJoin("created as c", "c.regionId", "p.regionId")
      .select([
        "r.id",
        "r.nameKk",
        "r.nameRu",
        "p.planned_jobs as plannedJobs",
        sql<number>`coalesce(c.jobs, 0)`.as("jobsCreated"),
        "p.planned_permanent as plannedPermanent",
        "p.permanent_created as permanentCreated",
      ])
      .orderBy("r.kato"),
  );
}

export type PlanRow = Awaited<ReturnType<typeof planRows>>[number];

/**
 * Per district: the hires of the month as recorded by staff and by the contractor, and the
 * referrals still without an outcome REFERRAL_WITHOUT_OUTCOME_DAYS after them at the month's end
 * (no hire, no-show, rejection or withdrawal recorded before it).
 */
export function referralLoopRows(runner: SqlRunner, districtIds: DistrictFilter, m: ReportMonth, waitingDays: number) {
  const hiredInMonth = sql<boolean>`a.status = 'hired' and a."contractDate" >= ${day(m.start)} and a."contractDate" < ${day(m.end)}`;
  const waitingSince = new Date(m.end.getTime() - waitingDays * 86_400_000);
  return runner.all(
    q
      .selectFrom("Application as a")
      .innerJoin("Project as p", "p.id", "a.projectId")
      .innerJoin("District as d", "d.id", "p.districtId")
      .select([
        "d.id",
        "d.nameKk",
        "d.nameRu",
        sql<number>`count(*) filter (where ${hiredInMonth} and a."outcomeBy" is distinct from 'contractor')::int`.as(
          "hiredByStaff",
        ),
        sql<number>`count(*) filter (where ${hiredInMonth} and a."outcomeBy" = 'contractor')::int`.as(
          "hiredByContractor",
        ),
        sql<number>`count(*) filter (where a."referredAt" < ${waitingSince} and not exists (
          select 1 from "ApplicationEvent" e where e."applicationId" = a.id
            and e.status in ('hired', 'no_show', 'rejected', 'withdrawn') and e.at < ${m.end}))::int`.as("waiting"),
      ])
      .where(inDistrictsOf("p.districtId", districtIds))
      .where("a.referredAt", "<", m.end)
      .groupBy(["d.id", "d.kato", "d.nameKk", "d.nameRu"])
      .orderBy("d.kato"),
  );
}
