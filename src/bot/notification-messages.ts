// The text of an outbox notification, made when it is sent: in the person's language of that
// moment, from its subject as the services read it then (src/services/notification-subjects.ts).
import type { InlineKeyboard } from "grammy";
import { missingFiguresKeyboard, projectCardsKeyboard } from "./keyboards/notifications.js";
import { followUpKeyboard } from "./keyboards/contractor.js";
import { referralDocumentPdf } from "../presentation/referral-document.js";
import type { i18n } from "i18next";
import type { NotificationSubject } from "../services/notification-subjects.js";
import { formatDate, formatNumber, localName } from "../presentation/format.js";
import type { Lang, Translate } from "../presentation/i18n.js";
import { MONTHLY_REPORT_DAY } from "../domain/rules.js";
import { reminderMessage } from "./obligation-messages.js";
import { shorten } from "./paging.js";
import { monthName, reportBundle, type ReportFile } from "../presentation/reports/report-bundle.js";

export interface RenderedMessage {
  text: string;
  keyboard?: InlineKeyboard;
  /** Sent after the text: the monthly report's chart and files. */
  files?: ReportFile[];
}

const nameIn = (lang: Lang) => (o: { nameKk: string; nameRu: string }) => localName(lang, o);
type Of<K extends NotificationSubject["kind"]> = Extract<NotificationSubject, { kind: K }>;

/** The referral's document: its PDF, with the link that checks it in its QR code. */
async function referralDocument(i18n: i18n, subject: Of<"referred">, botUsername: string): Promise<ReportFile> {
  const { application, centre, document } = subject;
  const pdf = await referralDocumentPdf(i18n, {
    referralNumber: application.referralNumber ?? "—",
    referredAt: application.referredAt ?? application.updatedAt,
    centre,
    fullName: document.fullName,
    iinLast4: document.iinLast4,
    project: application.project,
    district: document.district,
    contractor: application.project.contractor,
    profession: application.position.profession,
    wage: application.position.monthlyWage,
    checkLink: `https://t.me/${botUsername}?start=${document.code}`,
  });
  return { kind: "document", data: pdf, filename: `referral-${application.referralNumber ?? application.number}.pdf` };
}

function applicationMessage(t: Translate, lang: Lang, subject: Of<"referred" | "rejected" | "hired">): RenderedMessage {
  const name = nameIn(lang);
  const { application, centre } = subject;
  const common = {
    number: application.number,
    project: name(application.project),
    profession: name(application.position.profession),
  };
  if (subject.kind === "referred") {
    return {
      text: `${t("notifications:referred", {
        ...common,
        referral: application.referralNumber,
        centre: centre ? name(centre) : "—",
        address: centre ? (lang === "kk" ? centre.addressKk : centre.addressRu) : "—",
        phone: centre?.phone ?? "—",
        contractor: application.project.contractor?.name ?? "—",
      })}\n\n${t("notifications:referred_document")}`,
    };
  }
  if (subject.kind === "rejected") {
    const reason =
      application.rejectReason === "other" && application.rejectNote
        ? application.rejectNote
        : t(`staff:reject_reason.${application.rejectReason ?? "other"}`);
    return { text: t("notifications:rejected", { ...common, reason }) };
  }
  return {
    text: t("notifications:hired", {
      ...common,
      date: application.contractDate ? formatDate(application.contractDate) : "—",
      wage: formatNumber(application.wage ?? 0, lang),
    }),
  };
}

/** At most this many project buttons under the reminder; the staff's project list has the rest. */
const REMINDER_BUTTONS = 10;

/** The reminder of the 8th: the projects still without the month's figures. */
function figuresReminder(t: Translate, lang: Lang, { month, centre, missing }: Of<"figures_missing">): RenderedMessage {
  const keyboard = missingFiguresKeyboard(
    missing.projects.slice(0, REMINDER_BUTTONS).map((project) => ({ id: project.id, label: localName(lang, project) })),
    month.key,
  );
  return {
    text: t("notifications:figures_missing", {
      month: monthName(t, month),
      centre: localName(lang, centre),
      count: missing.projects.length,
      day: MONTHLY_REPORT_DAY,
    }),
    keyboard,
  };
}

/** Projects named in one "new projects" message; the rest are counted. */
const MATCHES_SHOWN = 10;

/** New projects for a subscriber: one, or a list of up to MATCHES_SHOWN with a card button each. */
function projectsMatch(t: Translate, lang: Lang, { projects }: Of<"project_match">): RenderedMessage {
  const name = nameIn(lang);
  const shown = projects.slice(0, MATCHES_SHOWN);
  const keyboard = projectCardsKeyboard(
    shown.map((project) => ({
      id: project.id,
      label: projects.length === 1 ? t("notifications:open_card") : shorten(name(project), 60),
    })),
  );
  if (projects.length === 1)
    return {
      text: t("notifications:project_match", { project: name(projects[0]!), district: name(projects[0]!.district) }),
      keyboard,
    };
  const lines = shown.map((project) =>
    t("notifications:projects_match_line", { project: shorten(name(project), 200), district: name(project.district) }),
  );
  if (projects.length > shown.length)
    lines.push(t("notifications:projects_match_more", { count: projects.length - shown.length }));
  return { text: [t("notifications:projects_match", { count: projects.length }), ...lines].join("\n"), keyboard };
}

export async function renderNotification(
  i18n: i18n,
  language: string | null,
  subject: NotificationSubject,
  botUsername: string,
): Promise<RenderedMessage> {
  const lang: Lang = language === "kk" ? "kk" : "ru";
  const t = i18n.getFixedT(lang);
  switch (subject.kind) {
    case "referred":
      return { ...applicationMessage(t, lang, subject), files: [await referralDocument(i18n, subject, botUsername)] };
    case "rejected":
    case "hired":
      return applicationMessage(t, lang, subject);
    case "follow_up": {
      const { application } = subject;
      return {
        text: t("notifications:follow_up", {
          referral: application.referralNumber ?? application.number,
          project: localName(lang, application.project),
          profession: localName(lang, application.position.profession),
        }),
        keyboard: followUpKeyboard(t, application.id),
      };
    }
    case "contractor_joined":
      return { text: t("notifications:contractor_joined", { contractor: subject.contractor, person: subject.person }) };
    case "project_match":
      return projectsMatch(t, lang, subject);
    case "monthly_report": {
      const bundle = await reportBundle(subject.report, subject.scope, lang, t);
      return { text: bundle.summary, files: bundle.files };
    }
    case "figures_missing":
      return figuresReminder(t, lang, subject);
    case "registration_moved":
    case "registration_received":
      return { text: t(`notifications:${subject.kind}`) };
    case "registration_moved_centre":
      return {
        text: t("notifications:registration_moved_centre", {
          number: subject.claimId,
          district: localName(lang, subject.district),
          claimDistrict: localName(lang, subject.claimDistrict),
        }),
      };
    case "loan_reminder":
      return reminderMessage(t, subject.obligation, subject.series);
    case "invitation_used":
    case "staff_removed":
      return {
        text: t(`notifications:${subject.kind}`, { centre: localName(lang, subject.centre), person: subject.person }),
      };
  }
}
