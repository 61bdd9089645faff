// The text of an outbox notification, made when it is sent: in the person's language of that
// moment, from the records as they are then. null when its subject no longer exists.
import { InlineKeyboard } from "grammy";
import type { i18n } from "i18next";
import type { Db } from "../db/client.js";
import type { NotificationKind, NotificationToSend, PrismaTransaction } from "../services/notifications.js";
import { projectsData } from "./callback-data/projects.js";
import { formatDate, formatNumber, localName } from "./format.js";
import type { Lang, Translate } from "./i18n.js";
import { MONTHLY_REPORT_DAY } from "../domain/rules.js";
import { parseReportMonth } from "../domain/report.js";
import { missingFigures } from "../services/reports/monthly-figures.js";
import { buildMonthlyReport } from "../services/reports/monthly-report.js";
import { centreScope, COUNTRY_SCOPE } from "../services/reports/report-scope.js";
import { staffData } from "./callback-data/staff.js";
import { reminderMessage } from "./obligation-messages.js";
import { shorten } from "./paging.js";
import { monthName, reportBundle, type ReportFile } from "./reports/report-bundle.js";

export interface RenderedMessage {
  text: string;
  keyboard?: InlineKeyboard;
  /** Sent after the text: the monthly report's chart and files. */
  files?: ReportFile[];
}

type Client = Db | PrismaTransaction;
const nameIn = (lang: Lang) => (o: { nameKk: string; nameRu: string }) => localName(lang, o);

async function applicationMessage(db: Client, i18n: i18n, lang: Lang, kind: NotificationKind, payload: Record<string, unknown>) {
  const t = i18n.getFixedT(lang);
  const name = nameIn(lang);
  const application = await db.application.findUnique({
    where: { id: Number(payload.applicationId) },
    include: { project: { include: { contractor: true } }, position: { include: { profession: true } } },
  });
  if (!application) return null;
  const common = { number: application.number, project: name(application.project), profession: name(application.position.profession) };
  if (kind === "referred") {
    const centre = payload.centreId ? await db.employmentCentre.findUnique({ where: { id: Number(payload.centreId) } }) : null;
    return {
      text: t("notifications:referred", {
        ...common, referral: application.referralNumber, centre: centre ? name(centre) : "—",
        address: centre ? (lang === "kk" ? centre.addressKk : centre.addressRu) : "—", phone: centre?.phone ?? "—",
        contractor: application.project.contractor?.name ?? "—",
      }),
    };
  }
  if (kind === "rejected") {
    const reason = application.rejectReason === "other" && application.rejectNote ? application.rejectNote : t(`staff:reject_reason.${application.rejectReason ?? "other"}`);
    return { text: t("notifications:rejected", { ...common, reason }) };
  }
  return {
    text: t("notifications:hired", {
      ...common, date: application.contractDate ? formatDate(application.contractDate) : "—", wage: formatNumber(application.wage ?? 0, lang),
    }),
  };
}

/** The reminder of the 8th, as things stand when it is sent: null once every figure is in. */
async function figuresReminder(db: Client, t: Translate, lang: Lang, payload: Record<string, unknown>): Promise<RenderedMessage | null> {
  const month = parseReportMonth(String(payload.month));
  const centre = await db.employmentCentre.findUnique({ where: { id: Number(payload.centreId) } });
  if (!month || !centre) return null;
  const [missing] = await missingFigures(db, month, centre.id);
  if (!missing) return null;
  const shown = missing.projects.slice(0, REMINDER_BUTTONS);
  const keyboard = new InlineKeyboard();
  for (const project of shown) keyboard.text(localName(lang, project), staffData.figures(project.id, month.key)).row();
  return {
    text: t("notifications:figures_missing", {
      month: monthName(t, month), centre: localName(lang, centre), count: missing.projects.length, day: MONTHLY_REPORT_DAY,
    }),
    keyboard,
  };
}

/** Projects named in one "new projects" message; the rest are counted. */
const MATCHES_SHOWN = 10;

/** New projects for a subscriber: one, or a list of up to MATCHES_SHOWN with a card button each. */
async function projectsMatch(db: Client, t: Translate, lang: Lang, payload: Record<string, unknown>): Promise<RenderedMessage | null> {
  const ids = String(payload.projectIds ?? payload.projectId ?? "").split(",").map(Number).filter(Number.isInteger);
  const projects = await db.project.findMany({ where: { id: { in: ids } }, include: { district: true }, orderBy: { id: "asc" } });
  if (projects.length === 0) return null;
  const name = nameIn(lang);
  const keyboard = new InlineKeyboard();
  const shown = projects.slice(0, MATCHES_SHOWN);
  for (const project of shown) keyboard.text(projects.length === 1 ? t("notifications:open_card") : shorten(name(project), 60), projectsData.card(project.id, "-")).row();
  if (projects.length === 1) return { text: t("notifications:project_match", { project: name(projects[0]!), district: name(projects[0]!.district) }), keyboard };
  const lines = shown.map((project) => t("notifications:projects_match_line", { project: shorten(name(project), 200), district: name(project.district) }));
  if (projects.length > shown.length) lines.push(t("notifications:projects_match_more", { count: projects.length - shown.length }));
  return { text: [t("notifications:projects_match", { count: projects.length }), ...lines].join("\n"), keyboard };
}

/** At most this many project buttons under the reminder; the staff's project list has the rest. */
const REMINDER_BUTTONS = 10;

export async function renderNotification(db: Client, i18n: i18n, notification: NotificationToSend): Promise<RenderedMessage | null> {
  const lang: Lang = notification.user.language === "kk" ? "kk" : "ru";
  const t = i18n.getFixedT(lang);
  const name = nameIn(lang);
  const payload = notification.payload as Record<string, unknown>;
  const kind = notification.kind as NotificationKind;
  switch (kind) {
    case "referred":
    case "rejected":
    case "hired":
      return applicationMessage(db, i18n, lang, kind, payload);
    case "project_match":
      return projectsMatch(db, t, lang, payload);
    case "monthly_report": {
      const month = parseReportMonth(String(payload.month));
      const scope = payload.centreId ? await centreScope(db, Number(payload.centreId)) : COUNTRY_SCOPE;
      if (!month || !scope) return null;
      const bundle = await reportBundle(await buildMonthlyReport(db, scope.districtIds, month), scope, lang, t);
      return { text: bundle.summary, files: bundle.files };
    }
    case "figures_missing":
      return figuresReminder(db, t, lang, payload);
    case "registration_moved":
    case "registration_received":
      return { text: t(`notifications:${kind}`) };
    case "loan_reminder": {
      const series = payload.series === "jobs" ? "jobs" : "targeted_use";
      const obligation = await db.loanObligation.findUnique({ where: { id: Number(payload.obligationId) } });
      const done = series === "targeted_use" ? obligation?.targetedUseDoneAt : obligation?.jobsDoneAt;
      return obligation && !done ? reminderMessage(t, obligation, series) : null;
    }
    case "invitation_used":
    case "staff_removed": {
      const centre = await db.employmentCentre.findUnique({ where: { id: Number(payload.centreId) } });
      if (!centre) return null;
      return { text: t(`notifications:${kind}`, { centre: name(centre), person: String(payload.person ?? "—") }) };
    }
  }
}
