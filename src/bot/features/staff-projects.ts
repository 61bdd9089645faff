// "Our projects": quota progress, the status of works, and importing the monitoring map.
import { replying, type Show } from "../show.js";
import { fitLines, pageOf } from "../paging.js";
import { ourProjectsKeyboard, staffProjectKeyboard } from "../keyboards/staff.js";
import { IMPORT_MAX_FILE_BYTES, IMPORT_MAX_ROWS, IMPORT_MAX_UNPACKED_BYTES } from "../../domain/import-limits.js";
import type { ImportResult } from "../../services/import/import-projects.js";
import type { RowProblem } from "../../services/import/project-rows.js";
import { IMPORT_COLUMNS, UnreadableFileError } from "../../services/import/read-table.js";
import { staffData } from "../callback-data/staff.js";
import { formatNumber, localName } from "../../presentation/format.js";
import type { ReportMonth } from "../../domain/report.js";
import type { ConvContext } from "../context.js";
import { commissioningLine } from "../project-card.js";
import { lastEndedYear, monthPicker } from "../keyboards/month-picker.js";
import { monthName } from "../../presentation/reports/report-bundle.js";

const name = (ctx: ConvContext, o: { nameKk: string; nameRu: string }) => localName(ctx.lang, o);

/** Projects on one page of "our projects". */
const PROJECTS_PAGE_SIZE = 10;

export async function showOurProjects(ctx: ConvContext, show: Show, requested = 1) {
  const projects = await ctx.services.staff.quotaProgress(ctx.account!.userId);
  const page = pageOf(projects, requested, PROJECTS_PAGE_SIZE);
  const keyboard = ourProjectsKeyboard(ctx.t, ctx.lang, page);
  return show(
    ctx.t(projects.length ? "staff:projects.title" : "staff:projects.empty", { count: projects.length }),
    keyboard,
  );
}

export async function showStaffProject(ctx: ConvContext, show: Show, projectId: number) {
  const progress = (await ctx.services.staff.quotaProgress(ctx.account!.userId)).find((p) => p.id === projectId);
  if (!progress) return ctx.reply(ctx.t("errors.not_allowed"));
  const project = await ctx.services.staff.projectInReach(ctx.account!.userId, projectId);
  const lines = [
    `🏗 ${name(ctx, project)}`,
    ctx.t("staff:projects.progress", {
      status: ctx.t(`projects:status.${project.status}`),
      jobs: progress.jobs,
      quota: progress.quota,
      percent: project.quotaPercent,
      referred: progress.referred,
      hired: progress.hired,
      met: progress.percentMet,
    }),
  ];
  if (project.status === "commissioned") lines.push(commissioningLine(ctx.t, project));
  return show(
    lines.join("\n\n"),
    staffProjectKeyboard(ctx.t, projectId, project.status, lastEndedYear(ctx.deps.now())),
  );
}

/** Moves a project to the next status (commissioning asks for the permanent jobs first, in a conversation). */
export async function moveProject(ctx: ConvContext, projectId: number, to: "planned" | "in_progress" | "completed") {
  const changed = await ctx.services.staff.changeProjectStatus(ctx.account!.userId, projectId, to, ctx.deps.now());
  if (!changed.ok) await ctx.reply(ctx.t(`staff:project.refusal.${changed.reason}`));
  return showStaffProject(ctx, replying(ctx), projectId);
}

export function importHelp(ctx: ConvContext) {
  return ctx.reply(ctx.t("staff:import.help", { columns: IMPORT_COLUMNS.join(", "), max: IMPORT_MAX_ROWS }));
}

function importReport(ctx: ConvContext, result: ImportResult): string {
  const done = ctx.t("staff:import.done", {
    created: result.created,
    updated: result.updated,
    rejected: result.rejected.length,
    announced: result.announced,
  });
  const line = (p: RowProblem, key: "problem" | "warning") =>
    ctx.t(`staff:import.${key}`, {
      line: p.line,
      column: p.column,
      reason: ctx.t(`staff:import.reason.${p.reason}`, { value: p.value ?? "" }),
    });
  const problems = [
    ...result.rejected.map((p) => line(p, "problem")),
    ...result.warnings.map((p) => line(p, "warning")),
  ];
  return fitLines([done], problems, (count) => ctx.t("staff:import.more", { count }));
}

/** Sizes in messages are written in whole megabytes. */
const MEGABYTE = 1024 * 1024;

/** A document from staff or an admin: the monitoring map to import. Too big a file is refused before it is downloaded. */
export async function importDocument(
  ctx: ConvContext,
  file: { name: string; size: number | undefined; download: () => Promise<Buffer> },
) {
  if (!/\.(csv|xlsx)$/i.test(file.name)) return ctx.reply(ctx.t("staff:import.unreadable.format"));
  if ((file.size ?? 0) > IMPORT_MAX_FILE_BYTES)
    return ctx.reply(ctx.t("staff:import.unreadable.too_big", unreadableValues()));
  await ctx.reply(ctx.t("staff:import.reading"));
  try {
    const importer = { userId: ctx.account!.userId, isAdmin: ctx.account!.isAdmin };
    const result = await ctx.services.staff.importProjects(
      importer,
      { buffer: await file.download(), name: file.name },
      ctx.deps.now(),
    );
    return ctx.reply(importReport(ctx, result));
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    return ctx.reply(ctx.t(`staff:import.unreadable.${error.reason}`, unreadableValues()));
  }
}

const unreadableValues = () => ({
  max: IMPORT_MAX_ROWS,
  columns: IMPORT_COLUMNS.join(", "),
  megabytes: IMPORT_MAX_FILE_BYTES / MEGABYTE,
  unpacked: IMPORT_MAX_UNPACKED_BYTES / MEGABYTE,
});

const ownProject = (ctx: ConvContext, projectId: number) =>
  ctx.services.staff.projectInReach(ctx.account!.userId, projectId);

/** The months a project's figures can be entered for. */
export async function chooseFiguresMonth(ctx: ConvContext, show: Show, projectId: number, year: number) {
  const project = await ownProject(ctx, projectId);
  return show(
    ctx.t("report:figures.choose_month", { project: name(ctx, project) }),
    monthPicker(ctx.t, year, ctx.deps.now(), {
      month: (key) => staffData.figures(projectId, key),
      year: (y) => staffData.figuresYear(projectId, y),
      back: staffData.project(projectId),
    }),
  );
}

/** Before the figures are asked: what is already there for the month, if anything. */
export async function showCurrentFigures(ctx: ConvContext, projectId: number, month: ReportMonth) {
  await ownProject(ctx, projectId);
  const current = await ctx.services.staff.projectFigure(projectId, month);
  if (!current) return;
  await ctx.reply(
    ctx.t("report:figures.current", {
      month: monthName(ctx.t, month),
      work: formatNumber(Number(current.workDone), ctx.lang),
      jobs: formatNumber(current.jobsCreated, ctx.lang),
    }),
  );
}
