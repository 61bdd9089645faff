// A desk request that failed, answered in the person's language: a refused input names its fields,
// a request outside the staff member's reach is audited, anything else is logged.
import type { ErrorHandler } from "hono";
import { isNotAllowed } from "../../services/staff.js";
import { BadInput, type DeskDeps, type DeskEnv, type Staff } from "./context.js";
import { Message } from "./page.js";

/** Which field a refused form or query was about, in the person's words. */
const FIELD_LABELS: Record<string, string> = {
  status: "desk:queue.status",
  project: "desk:queue.project",
  priority: "desk:queue.priority_only",
  attention: "desk:queue.attention",
  from: "desk:queue.from",
  to: "desk:queue.to",
  q: "desk:queue.search",
  sort: "desk:queue.sort",
  dir: "desk:queue.sort",
  page: "desk:queue.pages",
  contractDate: "desk:applicant.contract_date",
  wage: "desk:applicant.wage",
  reason: "desk:applicant.reason",
  note: "desk:applicant.note",
  permanentJobs: "desk:projects.permanent_jobs",
  month: "desk:projects.month",
  workDone: "desk:projects.work_done",
  jobsCreated: "desk:projects.jobs_created",
};

export function deskErrors(deps: DeskDeps): ErrorHandler<DeskEnv> {
  return async (error, c) => {
    const staff = c.get("staff") as Staff | undefined;
    if (!staff) {
      deps.log.error({ err: error }, "desk request failed");
      return c.text("", 500);
    }
    const { view } = staff;
    if (error instanceof BadInput) {
      const problem = error.fields.map((field) => view.t(FIELD_LABELS[field] ?? "desk:errors.title")).join(", ");
      return c.html(
        <Message
          view={view}
          title={view.t("desk:errors.title")}
          text={view.t("desk:errors.bad_request", { problem })}
        />,
        400,
      );
    }
    if (isNotAllowed(error)) {
      deps.log.warn({ path: c.req.path }, "refused: outside the staff member's reach (desk)");
      const kind = `desk:${c.req.path.slice(deps.base.length + "/app/".length).split("/")[0] ?? ""}`;
      await deps.services.accounts
        .auditRefusal({
          actorUserId: staff.userId,
          kind,
          data: `${c.req.method} ${c.req.path}`.slice(0, 200),
          telegramId: String(staff.telegramId),
          at: deps.now(),
        })
        .catch((auditError) => deps.log.error({ err: auditError }, "could not audit a refusal"));
      return c.html(
        <Message view={view} title={view.t("desk:errors.title")} text={view.t("desk:errors.not_allowed")} />,
        403,
      );
    }
    deps.log.error({ err: error }, "desk request failed");
    return c.html(<Message view={view} title={view.t("desk:errors.title")} text={view.t("desk:errors.failed")} />, 500);
  };
}
