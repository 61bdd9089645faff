// "Can I get a loan?": five questions, then every rule of Direction 2 with its outcome.
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
import { runSteps, type StepMove } from "./steps.js";

export const ELIGIBILITY_CONVERSATION = "eligibility";
const STEPS = ["kind", "tax", "purpose", "uses", "jobs"] as const;
type Step = (typeof STEPS)[number];
type Draft = Partial<Omit<EligibilityAnswers, "uses">> & { uses: LoanUse[] };

const jobsAnswer = z
  .string()
  .trim()
  .regex(/^\d{1,5}$/)
  .transform(Number);

async function ask(ctx: ConvContext, step: Step, draft: Draft): Promise<void> {
  const t = ctx.t;
  const questions = {
    kind: () => ctx.reply(t("entrepreneur:ask.kind"), { reply_markup: keyboards.businessKindKeyboard(t) }),
    tax: () => ctx.reply(t("entrepreneur:ask.tax"), { reply_markup: keyboards.taxKeyboard(t) }),
    purpose: () => ctx.reply(t("entrepreneur:ask.purpose"), { reply_markup: keyboards.purposeKeyboard(t) }),
    uses: () => ctx.reply(t("entrepreneur:ask.uses"), { reply_markup: keyboards.usesKeyboard(t, draft.uses) }),
    jobs: () => ctx.reply(t("entrepreneur:ask.jobs"), { reply_markup: keyboards.jobsKeyboard(t) }),
  };
  await questions[step]();
}

/** Applies a button of the current step to the draft; false when the button belongs elsewhere. */
function applyButton(step: Step, pressed: NonNullable<ReturnType<typeof whichOf<typeof elig>>>, draft: Draft): boolean {
  if (step === "kind" && pressed.action === "kind") draft.businessKind = pressed.data.kind;
  else if (step === "tax" && pressed.action === "tax") draft.taxRegistered = pressed.data.answer === "yes";
  else if (step === "purpose" && pressed.action === "purpose") draft.purpose = pressed.data.purpose;
  else return false;
  return true;
}

async function answer(conversation: BotConversation, step: Step, draft: Draft): Promise<[ConvContext, StepMove]> {
  for (;;) {
    const ctx = await conversation.wait();
    const t = ctx.t;
    if (ctx.callbackQuery) {
      const pressed = whichOf(elig, ctx.callbackQuery.data);
      if (pressed?.action === "back") {
        await ctx.answerCallbackQuery();
        return [ctx, "back"];
      }
      if (step === "uses" && pressed?.action === "use") {
        const { use } = pressed.data;
        draft.uses = draft.uses.includes(use) ? draft.uses.filter((u) => u !== use) : [...draft.uses, use];
        await ctx.answerCallbackQuery();
        await ctx.editMessageReplyMarkup({ reply_markup: keyboards.usesKeyboard(t, draft.uses) });
        continue;
      }
      if (step === "uses" && pressed?.action === "done") {
        if (draft.uses.length === 0) {
          await ctx.answerCallbackQuery({ text: t("entrepreneur:uses_empty"), show_alert: true });
          continue;
        }
        await ctx.answerCallbackQuery();
        return [ctx, "next"];
      }
      if (pressed && applyButton(step, pressed, draft)) {
        await ctx.answerCallbackQuery();
        await ctx.editMessageReplyMarkup().catch(() => undefined); // the question is answered
        return [ctx, "next"];
      }
      await ctx.answerCallbackQuery({ text: t("answer.use_latest_buttons") });
      continue;
    }
    if (step === "jobs" && ctx.message?.text !== undefined) {
      const jobs = jobsAnswer.safeParse(ctx.message.text);
      if (jobs.success) {
        draft.newJobs = jobs.data;
        return [ctx, "next"];
      }
      await ctx.reply(t("entrepreneur:jobs_invalid"));
      return [ctx, "repeat"];
    }
    await ctx.reply(t("answer.use_buttons"));
    return [ctx, "repeat"];
  }
}

function verdictText(ctx: ConvContext, answers: EligibilityAnswers): string {
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
  const rate = rateOn(ctx.deps.now());
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
  const draft: Draft = { uses: [] };
  await ctx.reply(ctx.t("entrepreneur:intro"));
  const last = await runSteps(
    ctx,
    STEPS,
    (current, step) => ask(current, step, draft),
    (step) => answer(conversation, step, draft),
  );
  if (!last) return;
  const answers = draft as EligibilityAnswers;
  const eligible = checkEligibility(answers).eligible;
  await last.reply(verdictText(last, answers), {
    reply_markup: eligible
      ? oneButton(last.t("loans:menu.calc"), loansCallbacks.calc.pack({ purpose: answers.purpose }))
      : mainMenuKeyboard(last.t, last.account),
  });
}
