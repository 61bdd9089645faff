// The monthly report of the staff member's districts: a month that has ended (the last one unless
// asked), shown as the chat sends it (summary, tables, chart); its files are in file-routes.tsx.
import { type Context, Hono } from "hono";
import { z } from "zod";
import { parseReportMonth, previousMonth } from "../../domain/report.js";
import { reportParts } from "../../presentation/reports/report-bundle.js";
import { BadInput, type DeskDeps, type DeskEnv, monthText, optional, staffOf, valid } from "./context.js";
import { Message } from "./page.js";
import { ReportPage } from "./report-view.js";

export const monthQuery = z.object({ month: optional(monthText) });

/** The month asked for (the last ended one unless told), refused when it has not ended. */
export async function reportOf(deps: DeskDeps, c: Context<DeskEnv>, asked: string | undefined) {
  const { userId, view } = staffOf(c);
  const latest = previousMonth(deps.now());
  const month = asked ? parseReportMonth(asked) : latest;
  if (!month || month.end > deps.now()) throw new BadInput(["month"]);
  const scope = await deps.services.reports.resolveScope(userId, { kind: "mine" });
  const report = await deps.services.reports.buildMonthlyReport(scope.districtIds, month);
  return { view, latest, month, parts: reportParts(report, scope, view.lang, view.t) };
}

export function reportRoutes(deps: DeskDeps) {
  return new Hono<DeskEnv>().get("/report", valid("query", monthQuery), async (c) => {
    if (deps.demoLoading?.()) {
      const { view } = staffOf(c);
      return c.html(<Message view={view} title={view.t("desk:nav.report")} text={view.t("report:demo_loading")} />);
    }
    const { view, latest, month, parts } = await reportOf(deps, c, c.req.valid("query").month);
    return c.html(
      <ReportPage
        view={view}
        data={{
          month: month.key,
          latest: latest.key,
          summary: parts.summary,
          tables: parts.tables,
          bars: parts.bars,
          chartText: parts.chartText,
        }}
      />,
    );
  });
}
