// The staff desk: a Telegram Mini App under WEB_APP_URL's path. The page itself (the shell) holds
// no data; its script sends Telegram's initData with every request to /app/…, whose answers are
// HTML fragments. Each request is checked anew: the signature and age of the initData, the staff
// role, and the reach of every application and project through the same services as the chat.
import { Hono, type Context } from "hono";
import type { i18n } from "i18next";
import { z } from "zod";
import { guessLang, type Lang } from "../../presentation/i18n.js";
import { monthName, reportParts } from "../../presentation/reports/report-bundle.js";
import { reportCsv, reportWorkbook } from "../../presentation/reports/report-files.js";
import { REJECT_NOTE_LENGTH, STAFF_COUNT_MAX } from "../../domain/policies.js";
import { PROJECT_STATUSES } from "../../domain/project-status.js";
import { REJECT_REASONS } from "../../domain/referral.js";
import { kazakhstanDay, parseReportMonth, previousMonth } from "../../domain/report.js";
import type { Logger } from "../../logger.js";
import {
  APPLICATION_STATUSES,
  DESK_DEFAULT_STATUS,
  DESK_EXPORT_MAX_ROWS,
  DESK_SORTS,
  type DeskFilter,
} from "../../services/desk/queue.js";
import type { Services } from "../../services/index.js";
import type { ActionInput } from "../../services/referrals.js";
import { isNotAllowed } from "../../services/staff.js";
import { INIT_DATA_ACT_MAX_AGE_SECONDS, userOfInitData } from "../init-data.js";
import { DOWNLOADABLE, signDownload, userOfDownload } from "./download-link.js";
import { formatNumber } from "../../presentation/format.js";
import { actionResultText } from "../../presentation/action-result.js";
import { ApplicantPage, type RejectDraft } from "./applicant-view.js";
import { Message, type View } from "./page.js";
import { ProjectPage, ProjectsPage } from "./projects-view.js";
import { QueuePage, SEARCH_MAX_LENGTH } from "./queue-view.js";
import { queueWorkbook } from "./queue-workbook.js";
import { ReportPage } from "./report-view.js";
import { deskShell, DESK_FILES } from "./shell.js";

export interface DeskDeps {
  services: Services;
  i18n: i18n;
  botToken: string;
  /** WEB_APP_URL's path, without a trailing slash ("" at the root). */
  base: string;
  now: () => Date;
  log: Logger;
}

interface Staff {
  userId: number;
  telegramId: number;
  view: View;
}

type Env = { Variables: { staff: Staff } };

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const blank = (value: unknown) => (value === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());
const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .transform((text) => new Date(`${text}T00:00:00Z`))
  .refine((day) => !Number.isNaN(day.getTime()));
const id = z.coerce.number().int().positive().max(2_147_483_647);

const queueQuery = z.object({
  status: optional(z.enum([...APPLICATION_STATUSES, "all"])),
  project: optional(id),
  priority: optional(z.literal("1")),
  from: optional(isoDay),
  to: optional(isoDay),
  q: optional(z.string().trim().max(SEARCH_MAX_LENGTH)),
  sort: optional(z.enum(DESK_SORTS)),
  dir: optional(z.enum(["asc", "desc"])),
  page: optional(z.coerce.number().int().min(1).max(1_000_000)),
});

const hireForm = z.object({ contractDate: isoDay, wage: z.coerce.number().int().min(1).max(100_000_000) });
const rejectForm = z.object({
  reason: z.enum(REJECT_REASONS),
  note: z.preprocess(blank, z.string().trim().max(REJECT_NOTE_LENGTH.max).optional()),
  confirm: optional(z.literal("yes")),
});
const statusForm = z.object({
  status: z.enum(PROJECT_STATUSES),
  permanentJobs: optional(z.coerce.number().int().min(0).max(STAFF_COUNT_MAX)),
});
const figuresForm = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  workDone: z.coerce
    .number()
    .min(0)
    .max(1e13)
    .transform((tenge) => Math.round(tenge)),
  jobsCreated: z.coerce.number().int().min(0).max(STAFF_COUNT_MAX),
});
const monthQuery = z.object({ month: optional(z.string().regex(/^\d{4}-\d{2}$/)) });

/** Which field a refused form or query was about, in the person's words. */
const FIELD_LABELS: Record<string, string> = {
  status: "desk:queue.status",
  project: "desk:queue.project",
  priority: "desk:queue.priority_only",
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

class BadInput extends Error {
  constructor(readonly fields: string[]) {
    super("bad input");
  }
}

function parse<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success)
    throw new BadInput([...new Set(result.error.issues.map((issue) => String(issue.path[0] ?? "")))]);
  return result.data;
}

/** The first of Kazakh and Russian the browser asks for (Accept-Language, in its order), if any. */
function browserLang(header: string | undefined): Lang | undefined {
  const tags = (header ?? "").split(",").map((part) => part.trim().split(";")[0]!.toLowerCase());
  return tags.map((tag) => tag.split("-")[0]).find((tag): tag is Lang => tag === "kk" || tag === "ru");
}

/** The ASCII file name and the UTF-8 one (RFC 6266), for a download. */
const attachment = (name: string) =>
  `attachment; filename="${name.replace(/[^\w.-]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export function deskRoutes(deps: DeskDeps): Hono<Env> {
  const { services } = deps;
  const desk = new Hono<Env>();
  const today = () => kazakhstanDay(deps.now());

  desk.get("/", (c) => c.html(deskShell(deps.base, deps.i18n)));
  desk.get("/static/:file", (c) => {
    const file = DESK_FILES[c.req.param("file")];
    if (!file) return c.notFound();
    return c.body(file.body, 200, { "content-type": `${file.type}; charset=utf-8`, "cache-control": "no-cache" });
  });

  const bilingual = (key: string) => (["kk", "ru"] as const).map((lang) => deps.i18n.getFixedT(lang)(key)).join(" / ");

  /** The file a request opens under /app/, when it is one of the desk's files. */
  const fileOf = (path: string) => DOWNLOADABLE.find((file) => path === `${deps.base}/app/${file}`);
  const queryParams = (c: Context<Env>) => new URL(c.req.url).searchParams;

  desk.use("/app/*", async (c, next) => {
    const header = c.req.header("authorization");
    const file = c.req.method === "GET" ? fileOf(c.req.path) : undefined;
    const link = file && !header ? c.req.query("link") : undefined;
    const linked = link ? userOfDownload(deps.botToken, link, file!, queryParams(c), deps.now()) : null;
    const signed = linked
      ? null
      : userOfInitData(header?.startsWith("tma ") ? header.slice(4) : undefined, deps.botToken, deps.now());
    const user = linked ? { id: linked, language_code: undefined } : signed?.user;
    if (!user) {
      // Nobody we can tell: the browser's language, or both.
      const lang = browserLang(c.req.header("accept-language"));
      const say = (key: string) => (lang ? deps.i18n.getFixedT(lang)(key) : bilingual(key));
      return c.html(
        <p role="alert" data-title={say("desk:title")} data-lang={lang}>
          {say("desk:errors.unauthorized")}
        </p>,
        401,
      );
    }
    const account = await services.staff.deskAccount(user.id);
    const lang: Lang = account?.language ?? guessLang(user.language_code);
    const view: View = { t: deps.i18n.getFixedT(lang), lang, base: deps.base };
    if (!account?.isStaff)
      return c.html(
        <p role="alert" data-title={view.t("desk:title")} data-lang={lang}>
          {view.t("desk:errors.forbidden")}
        </p>,
        403,
      );
    // Acting (every POST, showing an IIN among them) needs a desk opened within the hour.
    if (signed && c.req.method !== "GET" && signed.age > INIT_DATA_ACT_MAX_AGE_SECONDS) {
      return c.html(
        <p role="alert" data-title={view.t("desk:title")} data-lang={lang}>
          {view.t("desk:errors.reopen")}
        </p>,
        401,
      );
    }
    c.set("staff", { userId: account.userId, telegramId: user.id, view });
    await next();
  });

  desk.onError(async (error, c) => {
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
      await services.accounts
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
  });

  const staffOf = (c: Context<Env>) => c.get("staff");

  function queryOf(c: Context<Env>): { filter: DeskFilter; page: number } {
    const q = parse(queueQuery, c.req.query());
    // Opened without a filter, the desk shows what needs doing: the applications waiting for a decision, in the queue's order.
    const filter: DeskFilter = {
      status: q.status === "all" ? undefined : (q.status ?? DESK_DEFAULT_STATUS),
      projectId: q.project,
      priorityOnly: q.priority === "1",
      from: q.from,
      to: q.to,
      text: q.q || undefined,
      sort: q.sort ?? "queue",
      descending: q.dir === "desc",
    };
    return { filter, page: q.page ?? 1 };
  }

  desk.get("/app/queue", async (c) => {
    const { userId, view } = staffOf(c);
    const { filter, page } = queryOf(c);
    const [data, projects] = await Promise.all([
      services.staff.deskQueue(userId, filter, page),
      services.staff.deskProjectChoices(userId),
    ]);
    return c.html(<QueuePage view={view} filter={filter} data={data} projects={projects} />);
  });

  /** A link Telegram can open by itself (Telegram.WebApp.downloadFile) for one of the desk's files, with its filters. */
  desk.get("/app/link", (c) => {
    const target = new URL(c.req.query("for") ?? "", "http://desk.invalid/");
    const file = DOWNLOADABLE.find((name) => target.pathname === `/${name}`);
    if (!file) throw new BadInput(["for"]);
    target.searchParams.set(
      "link",
      signDownload(deps.botToken, staffOf(c).telegramId, file, target.searchParams, deps.now()),
    );
    return c.json({ url: `${deps.base}/app/${file}?${target.searchParams.toString()}` });
  });

  desk.get("/app/queue.xlsx", async (c) => {
    const { userId, view } = staffOf(c);
    const rows = await services.staff.deskQueueExport(userId, queryOf(c).filter);
    if (!rows)
      return c.text(view.t("desk:queue.too_many_rows", { max: formatNumber(DESK_EXPORT_MAX_ROWS, view.lang) }), 413);
    const body = await queueWorkbook(rows, view);
    return c.body(new Uint8Array(body), 200, {
      "content-type": XLSX,
      "content-disposition": attachment(`${view.t("desk:queue.file_name")}-${today()}.xlsx`),
    });
  });

  const applicantPage = async (
    c: Context<Env>,
    applicationId: number,
    extra: { notice?: { text: string; failed?: boolean }; iin?: string; confirmReject?: RejectDraft } = {},
  ) => {
    const { userId, view } = staffOf(c);
    const card = await services.staff.applicantCard(userId, applicationId, deps.now());
    const history = await services.staff.applicationHistory(userId, applicationId);
    return c.html(<ApplicantPage view={view} data={{ ...card, history }} today={today()} {...extra} />);
  };

  desk.get("/app/applications/:id", (c) => applicantPage(c, parse(id, c.req.param("id"))));

  const act = async (c: Context<Env>, input: ActionInput) => {
    const { userId, view } = staffOf(c);
    const applicationId = parse(id, c.req.param("id"));
    const result = await services.staff.actOnApplication(userId, applicationId, input, deps.now());
    return applicantPage(c, applicationId, {
      notice: { text: actionResultText(view.t, view.lang, input, result), failed: !result.ok },
    });
  };

  desk.post("/app/applications/:id/refer", (c) => act(c, { action: "refer" }));
  desk.post("/app/applications/:id/no-show", (c) => act(c, { action: "no_show" }));
  desk.post("/app/applications/:id/hire", async (c) => {
    const form = parse(hireForm, await c.req.parseBody());
    return act(c, { action: "hire", contractDate: form.contractDate, wage: form.wage });
  });
  // A rejection is told to the person: it takes a reason chosen (none is preselected) and a second, explicit step.
  desk.post("/app/applications/:id/reject", async (c) => {
    const form = parse(rejectForm, await c.req.parseBody());
    const applicationId = parse(id, c.req.param("id"));
    if (form.reason === "other" && (form.note?.length ?? 0) < REJECT_NOTE_LENGTH.min) {
      const { view } = staffOf(c);
      return applicantPage(c, applicationId, { notice: { text: view.t("desk:errors.note_required"), failed: true } });
    }
    if (form.confirm !== "yes")
      return applicantPage(c, applicationId, { confirmReject: { reason: form.reason, note: form.note } });
    return act(
      c,
      form.reason === "other"
        ? { action: "reject", reason: "other", note: form.note }
        : { action: "reject", reason: form.reason },
    );
  });
  desk.post("/app/applications/:id/iin", async (c) => {
    const { userId } = staffOf(c);
    const applicationId = parse(id, c.req.param("id"));
    const iin = await services.staff.revealIin(userId, applicationId);
    return applicantPage(
      c,
      applicationId,
      iin ? { iin, notice: { text: staffOf(c).view.t("desk:applicant.iin_shown", { iin }) } } : {},
    );
  });

  desk.get("/app/projects", async (c) => {
    const { userId, view } = staffOf(c);
    return c.html(<ProjectsPage view={view} projects={await services.staff.quotaProgress(userId)} />);
  });

  const projectPage = async (c: Context<Env>, projectId: number, notice?: { text: string; failed?: boolean }) => {
    const { userId, view } = staffOf(c);
    const data = await services.staff.projectPositions(userId, projectId);
    return c.html(<ProjectPage view={view} data={data} month={previousMonth(deps.now()).key} notice={notice} />);
  };

  desk.get("/app/projects/:id", (c) => projectPage(c, parse(id, c.req.param("id"))));
  desk.post("/app/projects/:id/status", async (c) => {
    const { userId, view } = staffOf(c);
    const projectId = parse(id, c.req.param("id"));
    const form = parse(statusForm, await c.req.parseBody());
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
    return projectPage(c, projectId, { text, failed: !changed.ok });
  });
  desk.post("/app/projects/:id/figures", async (c) => {
    const { userId, view } = staffOf(c);
    const projectId = parse(id, c.req.param("id"));
    const form = parse(figuresForm, await c.req.parseBody());
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
    return projectPage(c, projectId, { text, failed: !saved.ok });
  });

  /** The month asked for (the last ended one unless told), refused when it has not ended. */
  const reportOf = async (c: Context<Env>) => {
    const { userId, view } = staffOf(c);
    const latest = previousMonth(deps.now());
    const asked = parse(monthQuery, c.req.query()).month;
    const month = asked ? parseReportMonth(asked) : latest;
    if (!month) throw new BadInput(["month"]);
    if (month.end > deps.now()) throw new BadInput(["month"]);
    const scope = await services.reports.resolveScope(userId, { kind: "mine" });
    const report = await services.reports.buildMonthlyReport(scope.districtIds, month);
    return { view, latest, month, parts: reportParts(report, scope, view.lang, view.t) };
  };

  desk.get("/app/report", async (c) => {
    const { view, latest, month, parts } = await reportOf(c);
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
  desk.get("/app/report.xlsx", async (c) => {
    const { view, parts } = await reportOf(c);
    return c.body(new Uint8Array(await reportWorkbook(parts.tables, view.t, parts.title)), 200, {
      "content-type": XLSX,
      "content-disposition": attachment(`${parts.fileBase}.xlsx`),
    });
  });
  desk.get("/app/report.csv", async (c) => {
    const { view, parts } = await reportOf(c);
    return c.body(new Uint8Array(reportCsv(parts.tables, view.t, parts.title)), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": attachment(`${parts.fileBase}.csv`),
    });
  });

  desk.all("/app/*", (c) => {
    const { view } = staffOf(c);
    return c.html(
      <Message view={view} title={view.t("desk:errors.title")} text={view.t("desk:errors.not_found")} />,
      404,
    );
  });

  return desk;
}
