// "Can I get a loan?": five questions, then every rule of Direction 2 with its outcome.
import type { Checkpoint } from "@grammyjs/conversations";
import { oneButton } from "../keyboards/common.js";
import { loansCallbacks } from "../callback-data/loans.js";
import { z } from "zod";
import { checkEligibility, type EligibilityAnswers, type LoanUse } from "../../domain/eligibility.js";
import { rateOn } from "../../domain/rates.js";
import { LOAN } from "../../domain/rules.js";
import { GRACE_CAP_MONTHS } from "../../domain/loan.js";
import { eligibilityCallbacks as elig } from "../callback-data/eligibility.js";
import { whichOf } from "../callback-data/callback.js";
import type { BotConversation, ConvContext } from "../context.js";
import { formatNumber } from "../../presentation/format.js";
import * as keyboards from "../keyboards/eligibility.js";
import { mainMenuKeyboard } from "../keyboards/main-menu.js";
import { answer, ask, choice, now, staleButton, type Asked, type Reading } from "./answer.js";

export const ELIGIBILITY_CONVERSATION = "eligibility";

const jobsAnswer = z
  .string()
  .trim()
  .regex(/^\d{1,5}$/)
  .transform(Number);

/**
 * What the loan is for: uses ticked and unticked in place, then "done" (at least one). A tick is an
 * answer (a refused update is forgotten by the plugin, and with it what it ticked), so the question
 * is put on with the new ticks; `again` stays the first putting's.
 */
async function usesQuestion(
  conversation: BotConversation,
  ctx: ConvContext,
  uses: LoanUse[] = [],
  again?: Checkpoint,
): Promise<Asked<LoanUse[]>> {
  const put = (at: ConvContext) =>
    at.reply(at.t("entrepreneur:ask.uses"), { reply_markup: keyboards.usesKeyboard(at.t, uses) });
  const read = (at: ConvContext): Reading<LoanUse | "done"> => {
    if (!at.callbackQuery) return { refuse: at.t("answer.use_buttons") };
    const pressed = whichOf(elig, at.callbackQuery.data);
    if (pressed?.action === "back") return { back: true };
    if (pressed?.action === "done")
      return uses.length ? { value: "done" } : { refuse: at.t("entrepreneur:uses_empty"), alert: true };
    return pressed?.action === "use" ? { value: pressed.data.use } : staleButton(at);
  };
  const asked = again ? { ...(await answer(conversation, read, put)), again } : await ask(conversation, ctx, put, read);
  if (asked.back) return asked;
  if (asked.value === "done") return { ...asked, value: uses };
  const use = asked.value;
  const ticked = uses.includes(use) ? uses.filter((u) => u !== use) : [...uses, use];
  await asked.ctx.editMessageReplyMarkup({ reply_markup: keyboards.usesKeyboard(asked.ctx.t, ticked) });
  return usesQuestion(conversation, asked.ctx, ticked, asked.again);
}

/** The new jobs the business will create, typed. */
function jobsQuestion(conversation: BotConversation, ctx: ConvContext): Promise<Asked<number>> {
  return ask<number>(
    conversation,
    ctx,
    (at) => at.reply(at.t("entrepreneur:ask.jobs"), { reply_markup: keyboards.jobsKeyboard(at.t) }),
    (at) => {
      if (at.callbackQuery)
        return whichOf(elig, at.callbackQuery.data)?.action === "back" ? { back: true } : staleButton(at);
      if (at.message?.text === undefined) return { refuse: at.t("answer.use_buttons") };
      const jobs = jobsAnswer.safeParse(at.message.text);
      return jobs.success ? { value: jobs.data } : { refuse: at.t("entrepreneur:jobs_invalid") };
    },
  );
}

function verdictText(ctx: ConvContext, answers: EligibilityAnswers, today: Date): string {
  const { t, lang } = ctx;
  const verdict = checkEligibility(answers);
  const lines = verdict.rules.map(({ rule, passed }) => `${passed ? "✅" : "❌"} ${t(`entrepreneur:rule.${rule}`)}`);
  const head = t(verdict.eligible ? "entrepreneur:verdict.eligible" : "entrepreneur:verdict.not_eligible");
  if (!verdict.eligible) {
    const fixes = verdict.rules
      .filter((r) => !r.passed)
      .map(({ rule }) => `• ${t(`entrepreneur:fix.${rule}`, { months: LOAN.jobConfirmationMonths })}`);
    return [head, "", ...lines, "", t("entrepreneur:verdict.to_change"), ...fixes].join("\n");
  }
  const rate = rateOn(today);
  const limits = t("entrepreneur:verdict.limits", {
    maxAmount: formatNumber(LOAN.maxAmountMci * rate.mci, lang),
    maxMci: formatNumber(LOAN.maxAmountMci, lang),
    year: rate.validFrom.slice(0, 4),
    maxTerm: answers.purpose === "working_capital" ? LOAN.maxWorkingCapitalTermMonths : LOAN.maxTermMonths,
    maxRate: LOAN.maxRatePercent,
    cap: GRACE_CAP_MONTHS,
  });
  return [head, "", ...lines, "", limits].join("\n");
}

export async function eligibilityConversation(conversation: BotConversation, ctx: ConvContext): Promise<void> {
  await ctx.reply(ctx.t("entrepreneur:intro"));
  const today = await now(conversation);
  const kind = await choice(
    conversation,
    ctx,
    (at) => at.reply(at.t("entrepreneur:ask.kind"), { reply_markup: keyboards.businessKindKeyboard(at.t) }),
    elig,
    (pressed) => (pressed.action === "kind" ? pressed.data.kind : undefined),
  );
  if (kind.back)
    return void (await kind.ctx.reply(kind.ctx.t("cancel.done"), {
      reply_markup: mainMenuKeyboard(kind.ctx.t, kind.ctx.account),
    }));
  const tax = await choice(
    conversation,
    kind.ctx,
    (at) => at.reply(at.t("entrepreneur:ask.tax"), { reply_markup: keyboards.taxKeyboard(at.t) }),
    elig,
    (pressed) => (pressed.action === "tax" ? pressed.data.answer === "yes" : undefined),
  );
  if (tax.back) return conversation.rewind(kind.again);
  const purpose = await choice(
    conversation,
    tax.ctx,
    (at) => at.reply(at.t("entrepreneur:ask.purpose"), { reply_markup: keyboards.purposeKeyboard(at.t) }),
    elig,
    (pressed) => (pressed.action === "purpose" ? pressed.data.purpose : undefined),
  );
  if (purpose.back) return conversation.rewind(tax.again);
  const uses = await usesQuestion(conversation, purpose.ctx);
  if (uses.back) return conversation.rewind(purpose.again);
  const jobs = await jobsQuestion(conversation, uses.ctx);
  if (jobs.back) return conversation.rewind(uses.again);

  const last = jobs.ctx;
  const answers: EligibilityAnswers = {
    businessKind: kind.value,
    taxRegistered: tax.value,
    purpose: purpose.value,
    uses: uses.value,
    newJobs: jobs.value,
  };
  const eligible = checkEligibility(answers).eligible;
  await last.reply(verdictText(last, answers, today), {
    reply_markup: eligible
      ? oneButton(last.t("loans:menu.calc"), loansCallbacks.calc.pack({ purpose: answers.purpose }))
      : mainMenuKeyboard(last.t, last.account),
  });
}
