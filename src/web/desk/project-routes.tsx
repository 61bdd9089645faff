// The projects' pages: their referral quotas, a project's positions, its status moved and its
// figures of a month recorded, through the same services as the chat.
import { type Context, Hono } from "hono";
import { z } from "zod";
import { STAFF_COUNT_MAX } from "../../domain/policies.js";
import { PROJECT_STATUSES } from "../../domain/project-status.js";
import { parseReportMonth, previousMonth } from "../../domain/report.js";
import { formatNumber } from "../../presentation/format.js";
import { monthName } from "../../presentation/reports/report-bundle.js";
import { BadInput, type DeskDeps, type DeskEnv, idParam, monthText, optional, staffOf, valid } from "./context.js";
import { ProjectPage, ProjectsPage } from "./projects-view.js";

const statusForm = z.object({
  status: z.enum(PROJECT_STATUSES),
  permanentJobs: optional(z.coerce.number().int().min(0).max(STAFF_COUNT_MAX)),
});
const figuresForm = z.object({
  month: monthText,
  workDone: z.coerce
    .number()
    .min(0)
    .max(1e13)
    .transform((tenge) => Math.round(tenge)),
  jobsCreated: z.coerce.number().int().min(0).max(STAFF_COUNT_MAX),
});

export function projectRoutes(deps: DeskDeps) {
  const { services } = deps;

  const page = async (c: Context<DeskEnv>, projectId: number, notice?: { text: string; failed?: boolean }) => {
    const { userId, view } = staffOf(c);
    const data = await services.staff.projectPositions(userId, projectId);
    return c.html(<ProjectPage view={view} data={data} month={previousMonth(deps.now()).key} notice={notice} />);
  };

  const param = valid("param", idParam);
  return new Hono<DeskEnv>()
    .get("/projects", async (c) => {
      const { userId, view } = staffOf(c);
      return c.html(<ProjectsPage view={view} projects={await services.staff.quotaProgress(userId)} />);
    })
    .get("/projects/:id", param, (c) => page(c, c.req.valid("param").id))
    .post("/projects/:id/status", param, valid("form", statusForm), async (c) => {
      const { userId, view } = staffOf(c);
      const projectId = c.req.valid("param").id;
      const form = c.req.valid("form");
      const changed = await services.staff.changeProjectStatus(
        userId,
        projectId,
        form.status,
        deps.now(),
        form.permanentJobs,
      );
      const text = !changed.ok
        ? view.t(`staff:project.refusal.${changed.reason}`)
        : form.status === "commissioned"
          ? view.t("staff:project.commissioned")
          : view.t("desk:projects.status_moved", { status: view.t(`projects:status.${form.status}`) });
      return page(c, projectId, { text, failed: !changed.ok });
    })
    .post("/projects/:id/figures", param, valid("form", figuresForm), async (c) => {
      const { userId, view } = staffOf(c);
      const projectId = c.req.valid("param").id;
      const form = c.req.valid("form");
      const month = parseReportMonth(form.month);
      if (!month) throw new BadInput(["month"]);
      const saved = await services.staff.recordMonthlyFigure(
        userId,
        projectId,
        month,
        { workDone: form.workDone, jobsCreated: form.jobsCreated },
        deps.now(),
      );
      const text = saved.ok
        ? view.t("report:figures.saved", {
            month: monthName(view.t, month),
            work: formatNumber(form.workDone, view.lang),
            jobs: formatNumber(form.jobsCreated, view.lang),
          })
        : view.t("desk:errors.future_month");
      return page(c, projectId, { text, failed: !saved.ok });
    });
}
