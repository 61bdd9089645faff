// "I got the loan": the day the money arrived and the jobs promised; then the reminders.
import { oneButton } from "../keyboards/common.js";
import { z } from "zod";
import { parseDay } from "../../domain/numbers.js";
import { LOAN, LOANS_DIRECTION_FROM } from "../../domain/rules.js";
import { MAX_JOBS_PROMISED } from "../../domain/policies.js";
import type { BotConversation, ConvContext } from "../context.js";
import { mainMenuKeyboard } from "../keyboards/main-menu.js";
import { loanReceivedCallbacks } from "../callback-data/loans.js";
import { formatDate } from "../../presentation/format.js";
import { ask, now, outside, staleButton, type Reading } from "./answer.js";

export const LOAN_RECEIVED_CONVERSATION = "loan-received";

const jobsAnswer = z
  .string()
  .trim()
  .regex(/^\d{1,5}$/)
  .transform(Number);
const back = (ctx: ConvContext) => oneButton(ctx.t("menu.back"), loanReceivedCallbacks.back.pack({}));

/** A typed answer to the current question, or its back button. */
const typed =
  <T>(read: (text: string, ctx: ConvContext) => Reading<T>) =>
  (ctx: ConvContext): Reading<T> => {
    if (loanReceivedCallbacks.back.unpack(ctx.callbackQuery?.data)) return { back: true };
    if (ctx.callbackQuery) return staleButton(ctx);
    return read(ctx.message?.text ?? "", ctx);
  };

export async function loanReceivedConversation(conversation: BotConversation, ctx: ConvContext): Promise<void> {
  const today = await now(conversation);
  const date = await ask<Date>(
    conversation,
    ctx,
    (at) => at.reply(at.t("loans:got.ask_date"), { reply_markup: back(at) }),
    typed<Date>((text, at) => {
      const day = parseDay(text);
      if (!day) return { refuse: at.t("loans:got.invalid_date") };
      if (day > today) return { refuse: at.t("loans:got.future_date") };
      if (day < new Date(LOANS_DIRECTION_FROM))
        return { refuse: at.t("loans:got.too_early", { from: formatDate(new Date(LOANS_DIRECTION_FROM)) }) };
      return { value: day };
    }),
  );
  if (date.back)
    return void (await date.ctx.reply(date.ctx.t("cancel.done"), {
      reply_markup: mainMenuKeyboard(date.ctx.t, date.ctx.account),
    }));
  const promised = await ask<number>(
    conversation,
    date.ctx,
    (at) => at.reply(at.t("loans:got.ask_jobs"), { reply_markup: back(at) }),
    typed<number>((text, at) => {
      const parsed = jobsAnswer.safeParse(text);
      return parsed.success && parsed.data >= 1 && parsed.data <= MAX_JOBS_PROMISED
        ? { value: parsed.data }
        : { refuse: at.t("loans:got.invalid_jobs", { max: MAX_JOBS_PROMISED }) };
    }),
  );
  if (promised.back) return conversation.rewind(date.again);
  const current = promised.ctx;
  const receivedOn = date.value;
  const jobs = promised.value;

  const userId = current.account!.userId;
  const saved = await outside(conversation, async (at) => {
    const obligation = await at.services.loans.createObligation({ userId, receivedOn, jobsPromised: jobs });
    const ids = await at.deps.reminders.schedule(obligation, today);
    await at.services.loans.saveReminderJobs(obligation.id, ids);
    return {
      targetedUseDueOn: obligation.targetedUseDueOn.toISOString(),
      jobsDueOn: obligation.jobsDueOn.toISOString(),
      reminders: Object.values(ids).flat().length,
    };
  });
  await current.reply(
    current.t("loans:got.saved", {
      useDue: formatDate(new Date(saved.targetedUseDueOn)),
      jobsDue: formatDate(new Date(saved.jobsDueOn)),
      jobs,
      count: saved.reminders,
      useDays: LOAN.targetedUseConfirmationDays,
      jobsMonths: LOAN.jobConfirmationMonths,
    }),
    { reply_markup: mainMenuKeyboard(current.t, current.account) },
  );
}
