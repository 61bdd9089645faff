// The monthly report as localized tables, one per section: the XLSX and the CSV are both made
// from these, so the two files always agree.
import { centreShareAimPercent } from "../../domain/rules.js";
import type { MonthlyReport } from "../../services/reports/monthly-report.js";
import { localName } from "../format.js";
import type { Lang, Translate } from "../i18n.js";

export type Cell = string | number | Date | null;
export type ColumnKind = "text" | "count" | "money" | "percent" | "date";

export interface Column {
  /** report:column.<key> */
  key: string;
  kind: ColumnKind;
}

export interface ReportTable {
  /** report:sheet.<section> */
  section: string;
  columns: Column[];
  rows: Cell[][];
  totals?: Cell[];
}

const sum = <T>(items: T[], value: (item: T) => number) => items.reduce((total, item) => total + value(item), 0);
const col = (key: string, kind: ColumnKind): Column => ({ key, kind });

export function reportTables(report: MonthlyReport, lang: Lang, t: Translate): ReportTable[] {
  const name = (o: { nameKk: string; nameRu: string }) => localName(lang, o);
  const total = t("report:total");
  const group = (g: string) => t(`projects:group.${g}`);
  const work = (w: string) => t(`projects:work.${w}`);
  const { contractors, kinds, projects, districts, commissioned, regions, jobs, totals } = report;
  const quotaTotals = [totals.quota.quota, totals.quota.referred, totals.quota.hired, totals.quota.percentMet];
  const aim = centreShareAimPercent(report.month.year);
  const aimRows: Cell[][] =
    aim === null ? [] : [[t("report:indicator.centre_share_aim", { year: report.month.year }), aim]];

  return [
    {
      section: "contractors",
      columns: [col("contractor", "text"), col("bin", "text"), col("projects", "count")],
      rows: contractors.map((c) => [c.name, c.bin, c.projects]),
      totals: [`${total}: ${contractors.length}`, null, sum(contractors, (c) => c.projects)],
    },
    {
      section: "kinds",
      columns: [
        col("object_group", "text"),
        col("work_kind", "text"),
        col("started", "count"),
        col("finished", "count"),
        col("in_progress", "count"),
      ],
      rows: kinds.map((k) => [group(k.objectGroup), work(k.workKind), k.started, k.finished, k.inProgress]),
      totals: [total, null, totals.kinds.started, totals.kinds.finished, totals.kinds.inProgress],
    },
    {
      section: "projects",
      columns: [
        col("project", "text"),
        col("district", "text"),
        col("object_group", "text"),
        col("work_kind", "text"),
        col("status", "text"),
        col("work_done", "money"),
        col("jobs_created", "count"),
        col("planned_jobs", "count"),
        col("quota", "count"),
        col("referred", "count"),
        col("hired", "count"),
        col("percent_met", "percent"),
      ],
      rows: projects.map((p) => [
        name(p),
        name(p.district),
        group(p.objectGroup),
        work(p.workKind),
        t(`projects:status.${p.status}`),
        p.workDone,
        p.jobsCreated,
        p.plannedJobs,
        p.quota,
        p.referred,
        p.hired,
        p.percentMet,
      ]),
      totals: [
        total,
        null,
        null,
        null,
        null,
        jobs.workDone,
        jobs.jobsCreated,
        sum(projects, (p) => p.plannedJobs),
        ...quotaTotals,
      ],
    },
    {
      section: "jobs",
      columns: [col("indicator", "text"), col("value", "count")],
      rows: [
        [t("report:indicator.jobs_created"), jobs.jobsCreated],
        [t("report:indicator.work_done"), jobs.workDone],
        [t("report:indicator.hired"), jobs.hiredThroughReferrals],
        [t("report:indicator.average_wage"), jobs.averageWage],
        [t("report:indicator.centre_share"), jobs.centreShare],
        ...aimRows,
      ],
    },
    {
      section: "quota",
      columns: [
        col("district", "text"),
        col("quota", "count"),
        col("referred", "count"),
        col("hired", "count"),
        col("percent_met", "percent"),
      ],
      rows: districts.map((d) => [name(d), d.quota, d.referred, d.hired, d.percentMet]),
      totals: [total, ...quotaTotals],
    },
    {
      section: "outcomes",
      columns: [
        col("district", "text"),
        col("hired_by_staff", "count"),
        col("hired_by_contractor", "count"),
        col("waiting_referrals", "count"),
      ],
      rows: report.referralOutcomes.map((d) => [name(d), d.hiredByStaff, d.hiredByContractor, d.waiting]),
      totals: [total, totals.outcomes.hiredByStaff, totals.outcomes.hiredByContractor, totals.outcomes.waiting],
    },
    {
      section: "commissioned",
      columns: [
        col("project", "text"),
        col("district", "text"),
        col("commissioned_at", "date"),
        col("permanent_jobs", "count"),
        col("required", "count"),
        col("placed", "count"),
        col("rule_met", "text"),
      ],
      rows: commissioned.map((c) => [
        name(c),
        name(c.district),
        c.commissionedAt,
        c.permanentJobs,
        c.required,
        c.placed,
        t(c.met ? "report:yes" : "report:no"),
      ]),
      totals: [
        total,
        null,
        null,
        sum(commissioned, (c) => c.permanentJobs),
        sum(commissioned, (c) => c.required),
        sum(commissioned, (c) => c.placed),
        `${commissioned.filter((c) => c.met).length} / ${commissioned.length}`,
      ],
    },
    {
      section: "plan",
      columns: [
        col("region", "text"),
        col("planned_jobs", "count"),
        col("jobs_created", "count"),
        col("jobs_percent", "percent"),
        col("planned_permanent", "count"),
        col("permanent_created", "count"),
        col("permanent_percent", "percent"),
      ],
      rows: regions.map((r) => [
        name(r),
        r.plannedJobs,
        r.jobsCreated,
        r.jobsPercent,
        r.plannedPermanent,
        r.permanentCreated,
        r.permanentPercent,
      ]),
      totals: [
        total,
        totals.plan.plannedJobs,
        totals.plan.jobsCreated,
        totals.plan.jobsPercent,
        totals.plan.plannedPermanent,
        totals.plan.permanentCreated,
        totals.plan.permanentPercent,
      ],
    },
  ];
}
