// The staff's queue of applications, the applicant card and the actions on it.
import { reportButton } from "./reports.js";
import { replying, type Show } from "../show.js";
import { InlineKeyboard } from "grammy";
import { addPager, pageOf, shorten } from "../paging.js";
import { NOOP } from "../callback-data/noop.js";
import { iinClaimsButton } from "./staff-iin-claims.js";
import { PRIORITY_GROUP } from "../../domain/person.js";
import { standingFlags } from "../standing.js";
import { REJECT_REASONS, type RejectReason } from "../../domain/referral.js";
import { type ActionInput, type ActionResult } from "../../services/referrals.js";
import { staffData, type QueueStatusFilter } from "../callback-data/staff.js";
import type { ConvContext } from "../context.js";
import { formatDate, localName } from "../format.js";
import { actionResultText } from "../action-result.js";
import { addDeskButton } from "../desk-button.js";

const name = (ctx: ConvContext, o: { nameKk: string; nameRu: string }) => localName(ctx.lang, o);
const STATUS_FILTERS: QueueStatusFilter[] = ["all", "submitted", "referred", "hired", "rejected", "no_show", "withdrawn"];

export function staffHomeKeyboard(ctx: ConvContext) {
  const keyboard = new InlineKeyboard()
    .text(ctx.t("staff:home.queue"), staffData.queue(1)).row()
    .text(ctx.t("staff:home.projects"), staffData.projects()).row()
    .text(ctx.t("staff:home.import"), staffData.import()).row()
    .text(...reportButton(ctx, { kind: "mine" }));
  return addDeskButton(ctx, keyboard);
}

export async function showQueue(ctx: ConvContext, show: Show, page: number, status: QueueStatusFilter, projectId: number) {
  const userId = ctx.account!.userId;
  const result = await ctx.services.staffQueue(userId, { status: status === "all" ? undefined : status, projectId: projectId || undefined }, page);
  const project = projectId ? (await ctx.services.staffProjects(userId)).find((p) => p.id === projectId) : undefined;
  const keyboard = new InlineKeyboard();
  const claims = await iinClaimsButton(ctx);
  if (claims) keyboard.text(...claims).row();
  for (const item of result.items) {
    const who = item.fullName ?? ctx.t("staff:queue.anonymous");
    const star = item.priorityGroup === PRIORITY_GROUP ? "⭐ " : "";
    keyboard.text(`${star}${item.number} · ${who} · ${ctx.t(`applications:status.${item.status}`)}`, staffData.card(item.id)).row();
  }
  const pages = result.more ? `${result.pages}+` : result.pages;
  if (result.pages > 1) { // the current page and the ends do nothing when pressed
    keyboard.text(result.page > 1 ? "◀️" : "·", result.page > 1 ? staffData.queue(result.page - 1, status, projectId) : NOOP);
    keyboard.text(ctx.t("projects:list.page", { page: result.page, pages }), NOOP);
    keyboard.text(result.page < result.pages ? "▶️" : "·", result.page < result.pages ? staffData.queue(result.page + 1, status, projectId) : NOOP).row();
  }
  keyboard.text(ctx.t("staff:queue.filter_status"), staffData.chooseStatus(status, projectId))
    .text(ctx.t("staff:queue.filter_project"), staffData.chooseProject(status)).row()
    .text(ctx.t("menu.back"), staffData.home());
  const filter = `${ctx.t(`staff:queue.status.${status}`)}${project ? `, ${name(ctx, project)}` : ""}`;
  const key = result.total === 0 ? "staff:queue.empty" : "staff:queue.title";
  const total = result.more ? `${result.total}+` : result.total;
  return show(ctx.t(key, { filter, total, page: result.page, pages }), keyboard);
}

export function statusFilterKeyboard(ctx: ConvContext, projectId: number) {
  const keyboard = new InlineKeyboard();
  STATUS_FILTERS.forEach((status, i) => {
    keyboard.text(ctx.t(`staff:queue.status.${status}`), staffData.queue(1, status, projectId));
    if (i % 2 === 1) keyboard.row();
  });
  return keyboard;
}

/** Projects on one page of the queue's project filter. */
const FILTER_PAGE_SIZE = 10;

export async function projectFilterKeyboard(ctx: ConvContext, status: QueueStatusFilter, requested = 1) {
  const page = pageOf(await ctx.services.staffProjects(ctx.account!.userId), requested, FILTER_PAGE_SIZE);
  const keyboard = new InlineKeyboard().text(ctx.t("staff:queue.all_projects"), staffData.queue(1, status, 0)).row();
  for (const project of page.items) keyboard.text(shorten(name(ctx, project), 60), staffData.queue(1, status, project.id)).row();
  return addPager(keyboard, page, (n) => staffData.chooseProject(status, n));
}

export async function showApplicant(ctx: ConvContext, show: Show, applicationId: number) {
  const { application, person } = await ctx.services.applicantCard(ctx.account!.userId, applicationId, ctx.deps.now());
  const t = ctx.t;
  const lines = [
    t("staff:card.application", {
      number: application.number, date: formatDate(application.submittedAt), status: t(`applications:status.${application.status}`),
      project: name(ctx, application.project), profession: name(ctx, application.position.profession),
      priority: t(application.priorityGroup === PRIORITY_GROUP ? "staff:card.priority_first" : "staff:card.priority_general"),
    }),
  ];
  if (application.referralNumber) lines.push(t("staff:card.referral", { referral: application.referralNumber }));
  if (person) {
    const flags = standingFlags(t, person.standing) || "—";
    lines.push(t("staff:card.person", {
      name: person.fullName, age: person.standing.age, status: t(`seeker:status.${person.status}`), flags,
      district: `${name(ctx, person.district)}, ${name(ctx, person.district.region)}`,
      professions: person.anyWork ? t("seeker:profile.any_work") : person.professions.map((p) => name(ctx, p)).join(", "),
      relocate: t(person.willingToRelocate ? "answer.yes" : "answer.no"), phone: person.phone, iin: `••••••••${person.iinLast4}`,
    }));
  } else lines.push(t("staff:card.erased"));
  const keyboard = new InlineKeyboard();
  if (application.status === "submitted") keyboard.text(t("staff:action.refer"), staffData.action("ref", applicationId)).row();
  if (application.status === "referred") {
    keyboard.text(t("staff:action.hire"), staffData.action("hire", applicationId)).text(t("staff:action.no_show"), staffData.action("ns", applicationId)).row();
  }
  if (application.status === "submitted" || application.status === "referred") keyboard.text(t("staff:action.reject"), staffData.action("rej", applicationId)).row();
  if (person) keyboard.text(t("staff:action.show_iin"), staffData.action("iin", applicationId)).row();
  keyboard.text(t("staff:queue.back"), staffData.queue(1));
  return show(lines.join("\n\n"), keyboard);
}

export function rejectReasonsKeyboard(ctx: ConvContext, applicationId: number) {
  const keyboard = new InlineKeyboard();
  for (const reason of REJECT_REASONS) keyboard.text(ctx.t(`staff:reject_reason.${reason}`), staffData.reject(applicationId, reason)).row();
  return keyboard.text(ctx.t("menu.back"), staffData.card(applicationId));
}

/** The answer to an action: what was done (with the referral number or the relocation reminder) or why not. */
export const actionReply = (ctx: ConvContext, input: ActionInput, result: ActionResult): string => actionResultText(ctx.t, ctx.lang, input, result);

export async function act(ctx: ConvContext, applicationId: number, input: ActionInput) {
  const result = await ctx.services.actOnApplication(ctx.account!.userId, applicationId, input, ctx.deps.now());
  await ctx.reply(actionReply(ctx, input, result));
  return showApplicant(ctx, replying(ctx), applicationId);
}

export async function showIin(ctx: ConvContext, applicationId: number) {
  const iin = await ctx.services.revealIin(ctx.account!.userId, applicationId);
  return ctx.reply(iin ? ctx.t("staff:card.iin", { iin }) : ctx.t("staff:card.erased"), { protect_content: true });
}

export const rejectWith = (reason: Exclude<RejectReason, "other">): ActionInput => ({ action: "reject", reason });
