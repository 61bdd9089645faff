// Staff actions that need typed answers: hired (contract date, wage), rejected for another
// reason (its text), commissioned (permanent jobs), a project's figures of a month (work done,
// jobs created). Back on the first question returns to the card.
import { oneButton } from "../keyboards/common.js";
import { walkSteps } from "./steps.js";
import { REJECT_NOTE_LENGTH, STAFF_COUNT_MAX } from "../../domain/policies.js";
import { parseAmountTiyn, parseCount, parseDay } from "../../domain/numbers.js";
import { parseReportMonth } from "../../domain/report.js";
import { formatNumber } from "../../presentation/format.js";
import { monthName } from "../../presentation/reports/report-bundle.js";
import type { ActionInput, ActionResult } from "../../services/referrals.js";
import type { BotConversation, ConvContext } from "../context.js";
import { staffCallbacks, staffData } from "../callback-data/staff.js";
import { actionReply } from "../features/staff-queue.js";

export const STAFF_TYPED_CONVERSATION = "staff-typed";

export type StaffTask =
  | { kind: "hire"; applicationId: number }
  | { kind: "reject_other"; applicationId: number }
  | { kind: "commission"; projectId: number }
  | { kind: "figures"; projectId: number; month: string };

type Question = "contract_date" | "wage" | "note" | "permanent_jobs" | "work_done" | "jobs_created";
const QUESTIONS: Record<StaffTask["kind"], Question[]> = {
  hire: ["contract_date", "wage"],
  reject_other: ["note"],
  commission: ["permanent_jobs"],
  figures: ["work_done", "jobs_created"],
};

/** Whole tenge from "150 000", "1,5 млн ₸"…; null when not a whole, non-negative amount. */
function wholeTenge(text: string): number | null {
  const tiyn = parseAmountTiyn(text);
  return tiyn !== null && tiyn >= 0 && tiyn % 100 === 0 ? tiyn / 100 : null;
}

/** Each answer as typed, read; null when it cannot be taken. */
const READ: Record<Question, (text: string) => string | number | null> = {
  contract_date: (text) => parseDay(text)?.toISOString() ?? null,
  wage: (text) => {
    const tenge = wholeTenge(text);
    return tenge ? tenge : null;
  },
  note: (text) =>
    text.trim().length >= REJECT_NOTE_LENGTH.min && text.trim().length <= REJECT_NOTE_LENGTH.max ? text.trim() : null,
  permanent_jobs: (text) => parseCount(text, STAFF_COUNT_MAX),
  work_done: wholeTenge,
  jobs_created: (text) => parseCount(text, STAFF_COUNT_MAX),
};

/** Where "back" and "open" lead: the project's card or the application's. */
const cardOf = (task: StaffTask) =>
  task.kind === "commission" || task.kind === "figures"
    ? staffData.project(task.projectId)
    : staffData.card(task.applicationId);

const back = (ctx: ConvContext) => oneButton(ctx.t("menu.back"), staffCallbacks.typedBack.pack({}));

async function waitText(conversation: BotConversation): Promise<[ConvContext, string | null]> {
  for (;;) {
    const ctx = await conversation.wait();
    if (staffCallbacks.typedBack.unpack(ctx.callbackQuery?.data)) {
      await ctx.answerCallbackQuery();
      return [ctx, null];
    }
    if (ctx.callbackQuery) {
      await ctx.answerCallbackQuery({ text: ctx.t("answer.use_latest_buttons") });
      continue;
    }
    if (ctx.message?.text !== undefined) return [ctx, ctx.message.text];
    await ctx.reply(ctx.t("staff:typed.text_please"));
  }
}

/** Which question a refusal sends the person back to. */
const REASK: Partial<Record<string, Question>> = { bad_contract_date: "contract_date", wage_below_floor: "wage" };

export async function staffTypedConversation(
  conversation: BotConversation,
  ctx: ConvContext,
  task: StaffTask,
): Promise<void> {
  const questions = QUESTIONS[task.kind];
  const answers: Partial<Record<Question, string | number>> = {};
  let current = ctx;
  let start: Question | undefined;
  for (;;) {
    const walked = await walkSteps<Question>({
      first: current,
      steps: questions,
      start,
      ask: (at, question) => at.reply(at.t(`staff:typed.ask.${question}`), { reply_markup: back(at) }),
      answer: async (question) => {
        const [answered, text] = await waitText(conversation);
        if (text === null) return [answered, "back"];
        const value = READ[question](text);
        if (value === null) {
          await answered.reply(answered.t(`staff:typed.invalid.${question}`));
          return [answered, "repeat"];
        }
        answers[question] = value;
        return [answered, "next"];
      },
    });
    current = walked.ctx;
    if (walked.end !== "done") {
      return void (await current.reply(current.t("staff:typed.cancelled"), {
        reply_markup: oneButton(current.t("menu.back"), cardOf(task)),
      }));
    }
    const outcome = await conversation.external((outside) => carryOut(outside, task, answers));
    // A refusal the person can mend (a date, a wage) asks that question again; the others end here.
    const reask = outcome.refusal ? REASK[outcome.refusal] : undefined;
    if (!reask) {
      return void (await current.reply(outcome.text, {
        reply_markup: oneButton(current.t("staff:typed.open"), cardOf(task)),
      }));
    }
    await current.reply(outcome.text);
    start = reask;
  }
}

/** The action with the answers, through the same services as the buttons: its text, and the refusal if any. */
async function carryOut(
  outside: ConvContext,
  task: StaffTask,
  answers: Partial<Record<Question, string | number>>,
): Promise<{ text: string; refusal: string | null }> {
  const now = outside.deps.now();
  const userId = outside.account!.userId;
  if (task.kind === "figures") {
    const month = parseReportMonth(task.month)!;
    const figures = { workDone: Number(answers.work_done), jobsCreated: Number(answers.jobs_created) };
    const saved = await outside.services.staff.recordMonthlyFigure(userId, task.projectId, month, figures, now);
    const text = saved.ok
      ? outside.t("report:figures.saved", {
          month: monthName(outside.t, month),
          work: formatNumber(figures.workDone, outside.lang),
          jobs: formatNumber(figures.jobsCreated, outside.lang),
        })
      : outside.t(`report:figures.${saved.reason}`);
    return { text, refusal: null };
  }
  if (task.kind === "commission") {
    const changed = await outside.services.staff.changeProjectStatus(
      userId,
      task.projectId,
      "commissioned",
      now,
      Number(answers.permanent_jobs),
    );
    return {
      text: outside.t(changed.ok ? "staff:project.commissioned" : `staff:project.refusal.${changed.reason}`),
      refusal: null,
    };
  }
  const input: ActionInput =
    task.kind === "hire"
      ? { action: "hire", contractDate: new Date(String(answers.contract_date)), wage: Number(answers.wage) }
      : { action: "reject", reason: "other", note: String(answers.note) };
  const result: ActionResult = await outside.services.staff.actOnApplication(userId, task.applicationId, input, now);
  return { text: actionReply(outside, input, result), refusal: result.ok ? null : result.refusal };
}
