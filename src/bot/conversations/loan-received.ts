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

export const LOAN_RECEIVED_CONVERSATION = "loan-received";

const jobsAnswer = z
  .string()
  .trim()
  .regex(/^\d{1,5}$/)
  .transform(Number);
const back = (ctx: ConvContext) => oneButton(ctx.t("menu.back"), loanReceivedCallbacks.back.pack({}));

async function waitText(conversation: BotConversation): Promise<[ConvContext, string | null]> {
  for (;;) {
    const ctx = await conversation.wait();
    if (loanReceivedCallbacks.back.unpack(ctx.callbackQuery?.data)) {
      await ctx.answerCallbackQuery();
      return [ctx, null];
    }
    if (ctx.callbackQuery) {
      await ctx.answerCallbackQuery({ text: ctx.t("answer.use_latest_buttons") });
      continue;
    }
    return [ctx, ctx.message?.text ?? ""];
  }
}

export async function loanReceivedConversation(conversation: BotConversation, ctx: ConvContext): Promise<void> {
  let current = ctx;
  let receivedOn: Date | null = null;
  let jobs: number | null = null;
  const today = await conversation.external((outside) => outside.deps.now().getTime());
  while (jobs === null) {
    const asking = receivedOn ? "jobs" : "date";
    await current.reply(current.t(`loans:got.ask_${asking}`), { reply_markup: back(current) });
    const [next, text] = await waitText(conversation);
    current = next;
    if (text === null) {
      if (!receivedOn)
        return void (await current.reply(current.t("cancel.done"), {
          reply_markup: mainMenuKeyboard(current.t, current.account),
        }));
      receivedOn = null;
      continue;
    }
    if (asking === "date") {
      const day = parseDay(text);
      if (!day) await current.reply(current.t("loans:got.invalid_date"));
      else if (day.getTime() > today) await current.reply(current.t("loans:got.future_date"));
      else if (day < new Date(LOANS_DIRECTION_FROM))
        await current.reply(current.t("loans:got.too_early", { from: formatDate(new Date(LOANS_DIRECTION_FROM)) }));
      else receivedOn = day;
      continue;
    }
    const parsed = jobsAnswer.safeParse(text);
    if (parsed.success && parsed.data >= 1 && parsed.data <= MAX_JOBS_PROMISED) jobs = parsed.data;
    else await current.reply(current.t("loans:got.invalid_jobs", { max: MAX_JOBS_PROMISED }));
  }

  const userId = current.account!.userId;
  const saved = await conversation.external(async (outside) => {
    const obligation = await outside.services.loans.createObligation({
      userId,
      receivedOn: receivedOn!,
      jobsPromised: jobs!,
    });
    const ids = await outside.deps.reminders.schedule(obligation, new Date(today));
    await outside.services.loans.saveReminderJobs(obligation.id, ids);
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
