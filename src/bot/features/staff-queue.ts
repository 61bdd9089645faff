// The staff's queue of applications, the applicant card and the actions on it.
import type { Translate } from "../../presentation/i18n.js";
import { reportButton } from "./reports.js";
import { replying, type Show } from "../show.js";
import { pageOf } from "../paging.js";
import { iinClaimsButton } from "./staff-iin-claims.js";
import { PRIORITY_GROUP } from "../../domain/person.js";
import { standingFlags } from "../../presentation/standing.js";
import type { RejectReason } from "../../domain/referral.js";
import type { ActionInput, ActionResult } from "../../services/referrals.js";
import type { QueueStatusFilter } from "../callback-data/staff.js";
import type { ConvContext } from "../context.js";
import { formatDate, localName } from "../../presentation/format.js";
import { actionResultText } from "../../presentation/action-result.js";
import { applicantKeyboard, projectFilterKeyboard, queueKeyboard, staffHomeKeyboard } from "../keyboards/staff.js";

const name = (ctx: ConvContext, o: { nameKk: string; nameRu: string }) => localName(ctx.lang, o);

export const staffHome = (ctx: ConvContext) =>
  staffHomeKeyboard(ctx.t, reportButton(ctx, { kind: "mine" }), ctx.deps.webAppUrl);

export async function showQueue(
  ctx: ConvContext,
  show: Show,
  page: number,
  status: QueueStatusFilter,
  projectId: number,
) {
  const userId = ctx.account!.userId;
  const result = await ctx.services.staff.staffQueue(
    userId,
    {
      status: status === "all" || status === "attention" ? undefined : status,
      attention: status === "attention",
      projectId: projectId || undefined,
    },
    page,
  );
  const project = projectId
    ? (await ctx.services.staff.staffProjects(userId)).find((p) => p.id === projectId)
    : undefined;
  const keyboard = queueKeyboard(ctx.t, result, status, projectId, await iinClaimsButton(ctx));
  const pages = result.more ? `${result.pages}+` : result.pages;
  const filter = `${ctx.t(`staff:queue.status.${status}`)}${project ? `, ${name(ctx, project)}` : ""}`;
  const key = result.total === 0 ? "staff:queue.empty" : "staff:queue.title";
  const total = result.more ? `${result.total}+` : result.total;
  return show(ctx.t(key, { filter, total, page: result.page, pages }), keyboard);
}

/** Projects on one page of the queue's project filter. */
const FILTER_PAGE_SIZE = 10;

export async function projectFilter(ctx: ConvContext, status: QueueStatusFilter, requested = 1) {
  const page = pageOf(await ctx.services.staff.staffProjects(ctx.account!.userId), requested, FILTER_PAGE_SIZE);
  return projectFilterKeyboard(ctx.t, ctx.lang, status, page);
}

/** What the job seeker answered to "how did your referral go?", as staff read it; null when nothing. */
export function seekerAnswerLine(
  t: Translate,
  answer: { seekerOutcome: string | null; seekerReason: string | null; seekerAnswerAt: Date | null },
): string | null {
  if (!answer.seekerOutcome || !answer.seekerAnswerAt) return null;
  const reason = answer.seekerReason ? ` (${t(`notifications:follow_up_reason.${answer.seekerReason}`)})` : "";
  return `${answer.seekerOutcome === "not_hired" ? "⚠️" : "💬"} ${t("staff:seeker_answer.line", {
    date: formatDate(answer.seekerAnswerAt),
    answer: `${t(`staff:seeker_answer.${answer.seekerOutcome}`)}${reason}`,
  })}`;
}

export async function showApplicant(ctx: ConvContext, show: Show, applicationId: number) {
  const { application, person } = await ctx.services.staff.applicantCard(
    ctx.account!.userId,
    applicationId,
    ctx.deps.now(),
  );
  const t = ctx.t;
  const lines = [
    t("staff:card.application", {
      number: application.number,
      date: formatDate(application.submittedAt),
      status: t(`applications:status.${application.status}`),
      project: name(ctx, application.project),
      profession: name(ctx, application.position.profession),
      priority: t(
        application.priorityGroup === PRIORITY_GROUP ? "staff:card.priority_first" : "staff:card.priority_general",
      ),
    }),
  ];
  if (application.referralNumber) lines.push(t("staff:card.referral", { referral: application.referralNumber }));
  if (application.outcomeBy === "contractor") lines.push(`✍️ ${t("contractor:recorded_by")}`);
  const answer = seekerAnswerLine(t, application);
  if (answer) lines.push(answer);
  if (person) {
    const flags = standingFlags(t, person.standing) || "—";
    lines.push(
      t("staff:card.person", {
        name: person.fullName,
        age: person.standing.age,
        status: t(`seeker:status.${person.status}`),
        flags,
        district: `${name(ctx, person.district)}, ${name(ctx, person.district.region)}`,
        professions: person.anyWork
          ? t("seeker:profile.any_work")
          : person.professions.map((p) => name(ctx, p)).join(", "),
        relocate: t(person.willingToRelocate ? "answer.yes" : "answer.no"),
        phone: person.phone,
        iin: `••••••••${person.iinLast4}`,
      }),
    );
  } else lines.push(t("staff:card.erased"));
  const keyboard = applicantKeyboard(
    t,
    applicationId,
    application.status,
    person !== null && person !== undefined,
    application.outcomeBy,
  );
  return show(lines.join("\n\n"), keyboard);
}

/** The answer to an action: what was done (with the referral number or the relocation reminder) or why not. */
export const actionReply = (ctx: ConvContext, input: ActionInput, result: ActionResult): string =>
  actionResultText(ctx.t, ctx.lang, input, result);

export async function act(ctx: ConvContext, applicationId: number, input: ActionInput) {
  const result = await ctx.services.staff.actOnApplication(ctx.account!.userId, applicationId, input, ctx.deps.now());
  await ctx.reply(actionReply(ctx, input, result));
  return showApplicant(ctx, replying(ctx), applicationId);
}

export async function showIin(ctx: ConvContext, applicationId: number) {
  const iin = await ctx.services.staff.revealIin(ctx.account!.userId, applicationId);
  return ctx.reply(iin ? ctx.t("staff:card.iin", { iin }) : ctx.t("staff:card.erased"), { protect_content: true });
}

export const rejectWith = (reason: Exclude<RejectReason, "other">): ActionInput => ({ action: "reject", reason });
