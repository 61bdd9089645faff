// The staff section's keyboards: home, the queue and its filters, the applicant card, "our
// projects", and the IIN requests. The screens (features/staff-*.ts) give them their data.
import { InlineKeyboard } from "grammy";
import type { QueueItem } from "../../services/staff.js";
import { PRIORITY_GROUP } from "../../domain/person.js";
import { nextStatus, type ProjectStatusName } from "../../domain/project-status.js";
import { canDo, REJECT_REASONS, type RecorderRole } from "../../domain/referral.js";
import { NOOP } from "../callback-data/noop.js";
import { staffCallbacks, staffData, type QueueStatusFilter } from "../callback-data/staff.js";
import { formatDateTime, localName, type Named } from "../../presentation/format.js";
import type { Lang, Translate } from "../../presentation/i18n.js";
import { addPager, shorten, type Page } from "../paging.js";
import { APPLICATION_STATUSES } from "../../services/desk/queue.js";

/** The queue's filters in the order the desk lists its statuses, then "needs attention". */
const STATUS_FILTERS: QueueStatusFilter[] = ["all", ...APPLICATION_STATUSES, "attention"];

/** The staff's home; the desk's button when the desk is served (its address). */
export function staffHomeKeyboard(t: Translate, reportButton: readonly [string, string], deskUrl?: string) {
  const keyboard = new InlineKeyboard()
    .text(t("staff:home.queue"), staffData.queue(1))
    .row()
    .text(t("staff:home.projects"), staffData.projects())
    .row()
    .text(t("staff:home.import"), staffData.import())
    .row()
    .text(...reportButton);
  return deskUrl ? keyboard.row().webApp(t("staff:home.desk"), deskUrl) : keyboard;
}

export interface QueuePage {
  items: QueueItem[];
  page: number;
  pages: number;
  more: boolean;
}

/** A page of the queue: the applications, the pages (the current one and the ends do nothing when pressed), the filters. */
export function queueKeyboard(
  t: Translate,
  queue: QueuePage,
  status: QueueStatusFilter,
  projectId: number,
  claims: [string, string] | null,
) {
  const keyboard = new InlineKeyboard();
  if (claims) keyboard.text(...claims).row();
  for (const item of queue.items) {
    const who = item.fullName ?? t("staff:queue.anonymous");
    const star = item.priorityGroup === PRIORITY_GROUP ? "⭐ " : "";
    // ⚠️: the job seeker said they were not hired (the referral needs the centre's attention).
    const flag = item.seekerOutcome === "not_hired" && item.status === "referred" ? "⚠️ " : "";
    keyboard
      .text(
        `${flag}${star}${item.number} · ${who} · ${t(`applications:status.${item.status}`)}`,
        staffData.card(item.id),
      )
      .row();
  }
  if (queue.pages > 1) {
    const pages = queue.more ? `${queue.pages}+` : queue.pages;
    keyboard.text(
      queue.page > 1 ? "◀️" : "·",
      queue.page > 1 ? staffData.queue(queue.page - 1, status, projectId) : NOOP,
    );
    keyboard.text(t("projects:list.page", { page: queue.page, pages }), NOOP);
    keyboard
      .text(
        queue.page < queue.pages ? "▶️" : "·",
        queue.page < queue.pages ? staffData.queue(queue.page + 1, status, projectId) : NOOP,
      )
      .row();
  }
  return keyboard
    .text(t("staff:queue.filter_status"), staffData.chooseStatus(status, projectId))
    .text(t("staff:queue.filter_project"), staffData.chooseProject(status))
    .row()
    .text(t("menu.back"), staffData.home());
}

export function statusFilterKeyboard(t: Translate, projectId: number) {
  const keyboard = new InlineKeyboard();
  STATUS_FILTERS.forEach((status, i) => {
    keyboard.text(t(`staff:queue.status.${status}`), staffData.queue(1, status, projectId));
    if (i % 2 === 1) keyboard.row();
  });
  return keyboard;
}

export function projectFilterKeyboard(
  t: Translate,
  lang: Lang,
  status: QueueStatusFilter,
  page: Page<{ id: number } & Named>,
) {
  const keyboard = new InlineKeyboard().text(t("staff:queue.all_projects"), staffData.queue(1, status, 0)).row();
  for (const project of page.items)
    keyboard.text(shorten(localName(lang, project), 60), staffData.queue(1, status, project.id)).row();
  return addPager(keyboard, page, (n) => staffData.chooseProject(status, n));
}

/**
 * The applicant card's actions, as the application's status allows (and a contractor's record,
 * which staff may correct); the IIN only while the person's data is there.
 */
export function applicantKeyboard(
  t: Translate,
  applicationId: number,
  status: QueueItem["status"],
  hasPerson: boolean,
  outcomeBy: RecorderRole | "admin" | null = null,
) {
  const keyboard = new InlineKeyboard();
  const may = (action: "refer" | "hire" | "no_show" | "reject") => canDo(action, status, { role: "staff", outcomeBy });
  if (may("refer")) keyboard.text(t("staff:action.refer"), staffData.action("ref", applicationId)).row();
  if (may("hire")) keyboard.text(t("staff:action.hire"), staffData.action("hire", applicationId));
  if (may("no_show")) keyboard.text(t("staff:action.no_show"), staffData.action("ns", applicationId));
  if (may("hire") || may("no_show")) keyboard.row();
  if (may("reject")) keyboard.text(t("staff:action.reject"), staffData.action("rej", applicationId)).row();
  if (hasPerson) keyboard.text(t("staff:action.show_iin"), staffData.action("iin", applicationId)).row();
  return keyboard.text(t("staff:queue.back"), staffData.queue(1));
}

export function rejectReasonsKeyboard(t: Translate, applicationId: number) {
  const keyboard = new InlineKeyboard();
  for (const reason of REJECT_REASONS)
    keyboard.text(t(`staff:reject_reason.${reason}`), staffData.reject(applicationId, reason)).row();
  return keyboard.text(t("menu.back"), staffData.card(applicationId));
}

/** "Our projects": each with its quota met, in pages. */
export function ourProjectsKeyboard(t: Translate, lang: Lang, page: Page<{ id: number; percentMet: number } & Named>) {
  const keyboard = new InlineKeyboard();
  for (const p of page.items)
    keyboard.text(`${shorten(localName(lang, p), 60)} · ${p.percentMet} %`, staffData.project(p.id)).row();
  return addPager(keyboard, page, (n) => staffData.projects(n)).text(t("menu.back"), staffData.home());
}

/** One of "our projects": its next status, its monthly figures (of `figuresYear`), its queue. */
export function staffProjectKeyboard(t: Translate, projectId: number, status: ProjectStatusName, figuresYear: number) {
  const keyboard = new InlineKeyboard();
  const next = nextStatus(status);
  if (next) keyboard.text(t(`staff:projects.move_to.${next}`), staffData.status(projectId, next)).row();
  keyboard.text(t("report:figures.button"), staffData.figuresYear(projectId, figuresYear)).row();
  keyboard.text(t("contractor:invite.button"), staffCallbacks.inviteContractor.pack({ projectId })).row();
  return keyboard
    .text(t("staff:home.queue"), staffData.queue(1, "all", projectId))
    .row()
    .text(t("menu.back"), staffData.projects());
}

export function iinClaimsKeyboard(
  t: Translate,
  lang: Lang,
  page: Page<{ id: number; createdAt: Date; district: Named }>,
  back: string,
) {
  const keyboard = new InlineKeyboard();
  for (const claim of page.items) {
    keyboard
      .text(
        t("staff:iin_claims.line", {
          number: claim.id,
          date: formatDateTime(claim.createdAt),
          district: localName(lang, claim.district),
        }),
        staffData.iinClaim(claim.id),
      )
      .row();
  }
  return addPager(keyboard, page, (n) => staffData.iinClaims(n)).text(t("menu.back"), back);
}

/** What the person may do with a request: propose a move, confirm another's proposal, only decline, or nothing. */
export type ClaimDecisions = "propose" | "confirm" | "decline" | "none";

/** A request's card: its decisions while it is open and the person may decide it. */
export function iinClaimKeyboard(t: Translate, claimId: number, decisions: ClaimDecisions) {
  const keyboard = new InlineKeyboard();
  if (decisions === "propose" || decisions === "confirm") {
    keyboard
      .text(
        t(decisions === "propose" ? "staff:iin_claims.move" : "staff:iin_claims.confirm_move"),
        staffData.resolveIinClaim(claimId, "move"),
      )
      .row();
  }
  if (decisions !== "none")
    keyboard.text(t("staff:iin_claims.decline"), staffData.resolveIinClaim(claimId, "decline")).row();
  return keyboard.text(t("menu.back"), staffData.iinClaims());
}
