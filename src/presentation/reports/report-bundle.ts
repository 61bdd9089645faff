// What a person receives for a monthly report: a short summary, the quota chart (PNG), the
// XLSX workbook and the CSV, in the person's language.
import { centreShareAimPercent, COMMISSIONED_JOBS_PERCENT } from "../../domain/rules.js";
import { REFERRAL_WITHOUT_OUTCOME_DAYS } from "../../domain/policies.js";
import type { ReportMonth } from "../../domain/report.js";
import type { MonthlyReport } from "../../services/reports/monthly-report.js";
import type { ResolvedScope } from "../../services/reports/report-scope.js";
import { formatNumber, localName } from "../format.js";
import type { Lang, Translate } from "../i18n.js";
import { quotaChartPng, type ChartBar, type ChartText } from "./quota-chart.js";
import { reportCsv, reportWorkbook } from "./report-files.js";
import { reportTables } from "./report-tables.js";

export interface ReportFile {
  kind: "photo" | "document";
  data: Buffer;
  filename: string;
}

export interface ReportBundle {
  summary: string;
  files: ReportFile[];
}

export const monthName = (t: Translate, month: ReportMonth) =>
  t("report:month_name", { month: t(`report:months.${month.month}`), year: month.year });

const percentText = (value: number | null, lang: Lang) => (value === null ? "—" : `${formatNumber(value, lang)} %`);

function summaryText(report: MonthlyReport, scopeName: string, lang: Lang, t: Translate): string {
  const count = (n: number) => formatNumber(n, lang);
  const { kinds, quota, plan } = report.totals;
  const aim = centreShareAimPercent(report.month.year);
  const share = percentText(report.jobs.centreShare, lang);
  const shareLine = () =>
    aim === null
      ? t("report:summary.share", { share })
      : t("report:summary.share_aim", { share, aim, year: report.month.year });
  return [
    t("report:summary.title", { month: monthName(t, report.month), scope: scopeName }),
    t("report:summary.contractors", { count: count(report.contractors.length) }),
    t("report:summary.projects", {
      started: count(kinds.started),
      finished: count(kinds.finished),
      in_progress: count(kinds.inProgress),
    }),
    t("report:summary.jobs", {
      jobs: count(report.jobs.jobsCreated),
      hired: count(report.jobs.hiredThroughReferrals),
      wage: report.jobs.averageWage === null ? "—" : t("common:money", { amount: count(report.jobs.averageWage) }), // no "— ₸"
    }),
    shareLine(),
    t("report:summary.quota", {
      met: percentText(quota.percentMet, lang),
      hired: count(quota.hired),
      quota: count(quota.quota),
    }),
    t("report:summary.commissioned", {
      count: count(report.commissioned.length),
      met: count(report.commissioned.filter((c) => c.met).length),
      percent: COMMISSIONED_JOBS_PERCENT,
    }),
    t("report:summary.outcomes", {
      staff: count(report.totals.outcomes.hiredByStaff),
      contractor: count(report.totals.outcomes.hiredByContractor),
      waiting: count(report.totals.outcomes.waiting),
      days: REFERRAL_WITHOUT_OUTCOME_DAYS,
    }),
    t("report:summary.plan", {
      jobs: percentText(plan.jobsPercent, lang),
      permanent: percentText(plan.permanentPercent, lang),
    }),
    t("report:summary.files"),
  ].join("\n");
}

/** What a report shows, in the person's language: its summary, its tables and its chart's bars (the chat and the staff desk). */
export function reportParts(report: MonthlyReport, scope: ResolvedScope, lang: Lang, t: Translate) {
  const scopeName = scope.name ? localName(lang, scope.name) : t("report:country");
  const title = `${t("report:file_title")} — ${monthName(t, report.month)} — ${scopeName}`;
  // The country's chart is by region: two hundred districts would not be readable on a phone.
  const lines = scope.districtIds === null ? report.regionQuotas : report.districts;
  const bars: ChartBar[] = lines
    .filter((l) => l.percentMet !== null)
    .map((l) => ({ label: localName(lang, l), percent: l.percentMet! }));
  const chartText: ChartText = {
    title: t("report:chart.title", { month: monthName(t, report.month) }),
    subtitle: t(scope.districtIds === null ? "report:chart.subtitle_regions" : "report:chart.subtitle_districts", {
      scope: scopeName,
    }),
    line: percentText(100, lang),
    formatPercent: (value) => percentText(value, lang),
  };
  return {
    scopeName,
    title,
    summary: summaryText(report, scopeName, lang, t),
    tables: reportTables(report, lang, t),
    bars,
    chartText,
    fileBase: `report-${report.month.key}-${scope.slug}`,
  };
}

export async function reportBundle(
  report: MonthlyReport,
  scope: ResolvedScope,
  lang: Lang,
  t: Translate,
): Promise<ReportBundle> {
  const parts = reportParts(report, scope, lang, t);
  const chart = await quotaChartPng(parts.bars, parts.chartText);
  const files: ReportFile[] = [
    ...(chart ? [{ kind: "photo" as const, data: chart, filename: `${parts.fileBase}.png` }] : []),
    { kind: "document", data: await reportWorkbook(parts.tables, t, parts.title), filename: `${parts.fileBase}.xlsx` },
    { kind: "document", data: reportCsv(parts.tables, t, parts.title), filename: `${parts.fileBase}.csv` },
  ];
  return { summary: parts.summary, files };
}
