// The programme's monthly monitoring (002, "Monitoring and reports") for a set of districts, or
// the whole country: every figure is a PostgreSQL aggregate; JavaScript only applies the
// programme's rounding rules (src/domain) to per-project totals.
import { REFERRAL_WITHOUT_OUTCOME_DAYS } from "../../domain/policies.js";
import type { SqlRunner } from "../../db/store.js";
import { commissionedJobsForCentre, referralQuota } from "../../domain/quota.js";
import { percentOf, type ReportMonth } from "../../domain/report.js";
import type { DistrictFilter } from "./sql.js";
import type { MonthlyReport, Named, ProjectLine, QuotaLine } from "./report-types.js";
import { referralLoopRows, contractorRows, kindRows, planRows, projectRows, type ProjectRow } from "./report-rows.js";

export type * from "./report-types.js";

const sum = <T>(items: T[], value: (item: T) => number) => items.reduce((total, item) => total + value(item), 0);

export type { DistrictFilter };

const planPercents = (p: {
  plannedJobs: number;
  jobsCreated: number;
  plannedPermanent: number;
  permanentCreated: number;
}) => ({
  jobsPercent: percentOf(p.jobsCreated, p.plannedJobs),
  permanentPercent: percentOf(p.permanentCreated, p.plannedPermanent),
});

function quotaLine(id: number, names: Named, quota: number, referred: number, hired: number): QuotaLine {
  return { id, ...names, quota, referred, hired, percentMet: percentOf(hired, quota) };
}

export async function buildMonthlyReport(
  sql: SqlRunner,
  districtIds: DistrictFilter,
  month: ReportMonth,
): Promise<MonthlyReport> {
  const [rows, kinds, contractors, plans, referralOutcomes] = await Promise.all([
    projectRows(sql, districtIds, month),
    kindRows(sql, districtIds, month),
    contractorRows(sql, districtIds, month),
    planRows(sql, districtIds, month),
    referralLoopRows(sql, districtIds, month, REFERRAL_WITHOUT_OUTCOME_DAYS),
  ]);

  const projects: ProjectLine[] = rows.map((r) => {
    const quota = referralQuota(r.plannedJobs, r.quotaPercent);
    return {
      id: r.id,
      nameKk: r.nameKk,
      nameRu: r.nameRu,
      districtId: r.districtId,
      regionId: r.regionId,
      district: { nameKk: r.districtKk, nameRu: r.districtRu },
      objectGroup: r.objectGroup,
      workKind: r.workKind,
      status: r.status,
      workDone: r.workDone,
      jobsCreated: r.jobsCreated,
      plannedJobs: r.plannedJobs,
      quota,
      referred: r.referred,
      hired: r.hired,
      percentMet: percentOf(r.hired, quota),
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
    plannedJobs: sum(plans, (p) => p.plannedJobs),
    jobsCreated: sum(plans, (p) => p.jobsCreated),
    plannedPermanent: sum(plans, (p) => p.plannedPermanent),
    permanentCreated: sum(plans, (p) => p.permanentCreated),
  };

  const commissioned = rows
    .filter((r) => r.status === "commissioned" && r.commissionedAt !== null && r.commissionedAt < month.end)
    .map((r) => {
      const required = commissionedJobsForCentre(r.permanentJobs);
      return {
        id: r.id,
        nameKk: r.nameKk,
        nameRu: r.nameRu,
        district: { nameKk: r.districtKk, nameRu: r.districtRu },
        commissionedAt: r.commissionedAt!,
        permanentJobs: r.permanentJobs,
        required,
        placed: r.placedPermanent,
        met: r.placedPermanent >= required,
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
    referralOutcomes,
    regionQuotas: quotaBy((r) => [r.regionId, { nameKk: r.regionKk, nameRu: r.regionRu }]),
    commissioned,
    regions: plans.map((p) => ({ ...p, ...planPercents(p) })),
    totals: {
      kinds: {
        started: sum(kinds, (k) => k.started),
        finished: sum(kinds, (k) => k.finished),
        inProgress: sum(kinds, (k) => k.inProgress),
      },
      quota: {
        quota: totalQuota,
        referred: totalReferred,
        hired: totalHired,
        percentMet: percentOf(totalHired, totalQuota),
      },
      plan: { ...planTotals, ...planPercents(planTotals) },
      outcomes: {
        hiredByStaff: sum(referralOutcomes, (d) => d.hiredByStaff),
        hiredByContractor: sum(referralOutcomes, (d) => d.hiredByContractor),
        waiting: sum(referralOutcomes, (d) => d.waiting),
      },
    },
  };
}
