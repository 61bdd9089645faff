// Staff actions that need typed answers: hired (contract date, wage), rejected for another
// reason (its text), commissioned (permanent jobs), a project's figures of a month (work done,
// jobs created). Back on the first question returns to the card.
import { oneButton } from "../keyboards/common.js";
import { REJECT_NOTE_LENGTH, STAFF_COUNT_MAX } from "../../domain/policies.js";
import { parseAmountTiyn, parseCount, parseDay } from "../../domain/numbers.js";
import { parseReportMonth } from "../../domain/report.js";
import { formatNumber } from "../../presentation/format.js";
import { monthName } from "../../presentation/reports/report-bundle.js";
import type { ActionInput } from "../../services/referrals.js";
import type { BotContext, BotConversation, ConvContext } from "../context.js";
import { ask, outside, staleButton, type Asked } from "./answer.js";
import { staffCallbacks, staffData } from "../callback-data/staff.js";
import { contractorCallbacks } from "../callback-data/contractor.js";
import { actionReply } from "../features/staff-queue.js";

export const STAFF_TYPED_CONVERSATION = "staff-typed";

export type StaffTask =
  | { kind: "hire"; applicationId: number }
  /** A contractor's representative records a hire: the same questions, the same checks. */
  | { kind: "contractor_hire"; applicationId: number }
  | { kind: "reject_other"; applicationId: number }
  | { kind: "commission"; projectId: number }
  | { kind: "figures"; projectId: number; month: string };

type Question = "contract_date" | "wage" | "note" | "permanent_jobs" | "work_done" | "jobs_created";

/** Whole tenge from "150 000", "1,5 млн ₸"…; null when not a whole, non-negative amount. */
function wholeTenge(text: string): number | null {
  const tiyn = parseAmountTiyn(text);
  return tiyn !== null && tiyn >= 0 && tiyn % 100 === 0 ? tiyn / 100 : null;
}

const positiveTenge = (text: string) => {
  const tenge = wholeTenge(text);
  return tenge ? tenge : null;
};
const note = (text: string) =>
  text.trim().length >= REJECT_NOTE_LENGTH.min && text.trim().length <= REJECT_NOTE_LENGTH.max ? text.trim() : null;
const count = (text: string) => parseCount(text, STAFF_COUNT_MAX);

/** Where "back" and "open" lead: the project's card or the application's. */
const cardOf = (task: StaffTask) =>
  task.kind === "commission" || task.kind === "figures"
    ? staffData.project(task.projectId)
    : task.kind === "contractor_hire"
      ? contractorCallbacks.person.pack({ applicationId: task.applicationId })
      : staffData.card(task.applicationId);

const back = (ctx: ConvContext) => oneButton(ctx.t("menu.back"), staffCallbacks.typedBack.pack({}));

/** One typed question: asked with a back button, its text read by `parse`. */
function question<T>(
  conversation: BotConversation,
  ctx: ConvContext,
  name: Question,
  parse: (text: string) => T | null,
): Promise<Asked<T>> {
  return ask<T>(
    conversation,
    ctx,
    (at) => at.reply(at.t(`staff:typed.ask.${name}`), { reply_markup: back(at) }),
    (at) => {
      if (staffCallbacks.typedBack.unpack(at.callbackQuery?.data)) return { back: true };
      if (at.callbackQuery) return staleButton(at);
      if (at.message?.text === undefined) return { refuse: at.t("staff:typed.text_please") };
      const value = parse(at.message.text);
      return value === null ? { refuse: at.t(`staff:typed.invalid.${name}`) } : { value };
    },
  );
}

/** What the action's answer says: its text, and the refusal if any. */
interface Outcome {
  text: string;
  refusal: string | null;
}

export async function staffTypedConversation(
  conversation: BotConversation,
  ctx: ConvContext,
  task: StaffTask,
): Promise<void> {
  const cancelled = (at: ConvContext) =>
    at.reply(at.t("staff:typed.cancelled"), { reply_markup: oneButton(at.t("menu.back"), cardOf(task)) });
  const done = (at: ConvContext, outcome: Outcome) =>
    at.reply(outcome.text, { reply_markup: oneButton(at.t("staff:typed.open"), cardOf(task)) });
  switch (task.kind) {
    case "hire":
    case "contractor_hire": {
      const date = await question(conversation, ctx, "contract_date", parseDay);
      if (date.back) return void (await cancelled(date.ctx));
      const wage = await question(conversation, date.ctx, "wage", positiveTenge);
      if (wage.back) return conversation.rewind(date.again);
      const input: ActionInput = { action: "hire", contractDate: date.value, wage: wage.value };
      const outcome = await outside(conversation, (at) =>
        task.kind === "hire" ? act(at, task.applicationId, input) : recordHire(at, task.applicationId, input),
      );
      // A refusal the person can mend asks that question again; the others end here.
      if (outcome.refusal === "bad_contract_date" || outcome.refusal === "wage_below_floor") {
        await wage.ctx.reply(outcome.text);
        return conversation.rewind(outcome.refusal === "bad_contract_date" ? date.again : wage.again);
      }
      return void (await done(wage.ctx, outcome));
    }
    case "reject_other": {
      const text = await question(conversation, ctx, "note", note);
      if (text.back) return void (await cancelled(text.ctx));
      const input: ActionInput = { action: "reject", reason: "other", note: text.value };
      return void (await done(text.ctx, await outside(conversation, (at) => act(at, task.applicationId, input))));
    }
    case "commission": {
      const jobs = await question(conversation, ctx, "permanent_jobs", count);
      if (jobs.back) return void (await cancelled(jobs.ctx));
      const permanentJobs = jobs.value;
      const outcome = await outside(conversation, (at) => commission(at, task.projectId, permanentJobs));
      return void (await done(jobs.ctx, outcome));
    }
    case "figures": {
      const work = await question(conversation, ctx, "work_done", wholeTenge);
      if (work.back) return void (await cancelled(work.ctx));
      const jobs = await question(conversation, work.ctx, "jobs_created", count);
      if (jobs.back) return conversation.rewind(work.again);
      const figures = { workDone: work.value, jobsCreated: jobs.value };
      return void (await done(jobs.ctx, await outside(conversation, (at) => record(at, task, figures))));
    }
  }
}

/** An action on an application, through the same service as the buttons. */
async function act(at: BotContext, applicationId: number, input: ActionInput): Promise<Outcome> {
  const result = await at.services.staff.actOnApplication(at.account!.userId, applicationId, input, at.deps.now());
  return { text: actionReply(at, input, result), refusal: result.ok ? null : result.refusal };
}

/** A contractor's representative's hire: the contractor's service, the same action and checks. */
async function recordHire(at: BotContext, applicationId: number, input: ActionInput): Promise<Outcome> {
  if (input.action !== "hire") throw new Error("a contractor records a hire here");
  const result = await at.services.contractors.recordOutcome(at.account!.userId, applicationId, input, at.deps.now());
  return {
    text: result.ok ? at.t("contractor:person.recorded") : actionReply(at, input, result),
    refusal: result.ok ? null : result.refusal,
  };
}

async function commission(at: BotContext, projectId: number, permanentJobs: number): Promise<Outcome> {
  const changed = await at.services.staff.changeProjectStatus(
    at.account!.userId,
    projectId,
    "commissioned",
    at.deps.now(),
    permanentJobs,
  );
  return {
    text: at.t(changed.ok ? "staff:project.commissioned" : `staff:project.refusal.${changed.reason}`),
    refusal: null,
  };
}

async function record(
  at: BotContext,
  task: Extract<StaffTask, { kind: "figures" }>,
  figures: { workDone: number; jobsCreated: number },
): Promise<Outcome> {
  const month = parseReportMonth(task.month)!;
  const saved = await at.services.staff.recordMonthlyFigure(
    at.account!.userId,
    task.projectId,
    month,
    figures,
    at.deps.now(),
  );
  const text = saved.ok
    ? at.t("report:figures.saved", {
        month: monthName(at.t, month),
        work: formatNumber(figures.workDone, at.lang),
        jobs: formatNumber(figures.jobsCreated, at.lang),
      })
    : at.t(`report:figures.${saved.reason}`);
  return { text, refusal: null };
}
