// The programme's progress for the public page and the open data: every figure comes from the
// monthly report (services/reports), so that the page, the files and the report never disagree.
import type { Store } from "../../db/store.js";
import { percentOf, previousMonth, reportMonth, type ReportMonth } from "../../domain/report.js";
import { PROGRAMME_START, PROGRAMME_YEARS, type ProgrammeYear } from "../../domain/rules.js";
import { buildMonthlyReport, type MonthlyReport } from "../reports/monthly-report.js";

export interface Place {
  id: number;
  kato: string;
  nameKk: string;
  nameRu: string;
  /** A region: an oblast, or a city of republican significance (drawn as a symbol of its own). */
  kind?: "region" | "city";
}

export interface AreaProgress extends Place {
  projects: number;
  plannedJobs: number;
  quota: number;
  referred: number;
  hired: number;
  /** Hired through referrals against the quota, percent. */
  quotaPercent: number | null;
}

export interface RegionProgress extends AreaProgress {
  /** Jobs created in the year against the jobs of the projects starting that year (the report's plan). */
  yearPlannedJobs: number;
  jobsCreated: number;
  jobsPercent: number | null;
  plannedPermanent: number;
  permanentCreated: number;
}

/** The month a programme year is told as of: its December. */
export const yearMonth = (year: ProgrammeYear): ReportMonth => reportMonth(year, 12);

function areas<T extends Place>(
  places: T[],
  report: MonthlyReport,
  key: (line: MonthlyReport["projects"][number]) => number,
): Array<T & AreaProgress> {
  return places.map((place) => {
    const lines = report.projects.filter((line) => key(line) === place.id);
    const quota = lines.reduce((sum, l) => sum + l.quota, 0);
    const hired = lines.reduce((sum, l) => sum + l.hired, 0);
    return {
      ...place,
      projects: lines.length,
      plannedJobs: lines.reduce((sum, l) => sum + l.plannedJobs, 0),
      quota,
      referred: lines.reduce((sum, l) => sum + l.referred, 0),
      hired,
      quotaPercent: percentOf(hired, quota),
    };
  });
}

/** Every region as of the year's December: projects, jobs, hired through the centres, the quota, permanent jobs. */
export async function programmeProgress(store: Store, year: ProgrammeYear) {
  const report = await buildMonthlyReport(store, null, yearMonth(year));
  const regions = await store.db.region.findMany({
    select: { id: true, kato: true, nameKk: true, nameRu: true, kind: true },
    orderBy: { kato: "asc" },
  });
  const lines: RegionProgress[] = areas(regions, report, (line) => line.regionId).map((region) => {
    const plan = report.regions.find((p) => p.id === region.id);
    return {
      ...region,
      yearPlannedJobs: plan?.plannedJobs ?? 0,
      jobsCreated: plan?.jobsCreated ?? 0,
      jobsPercent: plan?.jobsPercent ?? null,
      plannedPermanent: plan?.plannedPermanent ?? 0,
      permanentCreated: plan?.permanentCreated ?? 0,
    };
  });
  return {
    year,
    month: report.month.key,
    regions: lines,
    totals: { quota: report.totals.quota, plan: report.totals.plan },
  };
}

export type ProgrammeProgress = Awaited<ReturnType<typeof programmeProgress>>;

/** A region as of the year's December: its districts and their projects. null for no such region. */
export async function regionProgress(store: Store, regionId: number, year: ProgrammeYear) {
  const region = await store.db.region.findUnique({
    where: { id: regionId },
    include: { districts: { orderBy: { kato: "asc" } } },
  });
  if (!region) return null;
  const report = await buildMonthlyReport(
    store,
    region.districts.map((d) => d.id),
    yearMonth(year),
  );
  const districts = areas(
    region.districts.map(({ id, kato, nameKk, nameRu }) => ({ id, kato, nameKk, nameRu })),
    report,
    (line) => line.districtId,
  );
  const { districts: _, ...place } = region;
  return { year, month: report.month.key, region: place, districts, projects: report.projects };
}

export type RegionPage = NonNullable<Awaited<ReturnType<typeof regionProgress>>>;

/** The months the programme ran, from its first to the last ended one (at most December 2021). */
export function programmeMonths(now: Date): ReportMonth[] {
  const last = previousMonth(now);
  const months: ReportMonth[] = [];
  for (let m = reportMonth(Number(PROGRAMME_START.slice(0, 4)), Number(PROGRAMME_START.slice(5, 7))); ; ) {
    if (m.start > last.start || m.year > PROGRAMME_YEARS.at(-1)!) break;
    months.push(m);
    m = m.month === 12 ? reportMonth(m.year + 1, 1) : reportMonth(m.year, m.month + 1);
  }
  return months;
}

/** Open data: every project with the report's figures as of the last ended month, and its public fields. */
export async function openProjects(store: Store, now: Date) {
  const month = previousMonth(now);
  const report = await buildMonthlyReport(store, null, month);
  const fields = new Map(
    (
      await store.db.project.findMany({
        select: {
          id: true,
          status: true,
          startDate: true,
          endDate: true,
          permanentJobs: true,
          objectGroup: true,
          workKind: true,
          district: { select: { kato: true, region: { select: { kato: true, nameKk: true, nameRu: true } } } },
          contractor: { select: { name: true, bin: true } },
        },
      })
    ).map((p) => [p.id, p]),
  );
  return {
    month: month.key,
    projects: report.projects.map((line) => ({ line, fields: fields.get(line.id)! })),
  };
}

/** Open data: each month of the programme by region, from that month's report. */
export async function monthlyByRegion(store: Store, now: Date) {
  const regions = await store.db.region.findMany({
    select: { id: true, kato: true, nameKk: true, nameRu: true },
    orderBy: { kato: "asc" },
  });
  const rows = [];
  for (const month of programmeMonths(now)) {
    const report = await buildMonthlyReport(store, null, month);
    for (const area of areas(regions, report, (line) => line.regionId)) {
      const lines = report.projects.filter((line) => line.regionId === area.id);
      rows.push({
        month: month.key,
        ...area,
        jobsCreated: lines.reduce((sum, l) => sum + l.jobsCreated, 0),
        workDone: lines.reduce((sum, l) => sum + l.workDone, 0),
      });
    }
  }
  return rows;
}
