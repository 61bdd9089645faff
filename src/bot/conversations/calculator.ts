// The repayment calculator: purpose (unless carried over), amount, term, rate, grace, schedule kind.
import { InputFile } from "grammy";
import type { LoanPurpose } from "../../domain/eligibility.js";
import {
  buildSchedule,
  checkAmount,
  checkGrace,
  GRACE_CAP_MONTHS,
  checkRate,
  checkTerm,
  maxGraceMonths,
  maxTermMonths,
  type GraceKind,
  type LimitViolation,
  type LoanTerms,
  type ScheduleKind,
} from "../../domain/loan.js";
import { parseAmountTiyn, parseMonths, parsePercent } from "../../domain/numbers.js";
import { rateOn } from "../../domain/rates.js";
import { LOAN } from "../../domain/rules.js";
import { scheduleWorkbook } from "../../services/schedule-workbook.js";
import { calculatorCallbacks as calc } from "../callback-data/loans.js";
import { whichOf } from "../callback-data/callback.js";
import type { BotConversation, ConvContext } from "../context.js";
import { formatMoney, formatNumber } from "../../presentation/format.js";
import { calcBackKeyboard, calcGraceKindKeyboard, calcKindKeyboard, calcPurposeKeyboard } from "../keyboards/loans.js";
import { mainMenuKeyboard } from "../keyboards/main-menu.js";
import { runSteps, type StepMove } from "./steps.js";

export const CALCULATOR_CONVERSATION = "calculator";
const STEPS = ["purpose", "amount", "term", "rate", "grace", "grace_kind", "kind"] as const;
type Step = (typeof STEPS)[number];
interface Draft {
  purpose?: LoanPurpose;
  amountTiyn?: number;
  termMonths?: number;
  ratePercent?: number;
  graceMonths?: number;
  graceKind?: GraceKind;
  kind?: ScheduleKind;
}

function violationText(ctx: ConvContext, violation: LimitViolation): string {
  const { t, lang } = ctx;
  switch (violation.rule) {
    case "amount_positive":
      return t("loans:calc.limit.amount_positive");
    case "amount_max":
      return t("loans:calc.limit.amount_max", {
        max: formatMoney(violation.maxTiyn, lang),
        mci: formatNumber(LOAN.maxAmountMci, lang),
      });
    case "term_range":
      return t("loans:calc.limit.term_range", { max: violation.maxMonths });
    case "rate_max":
      return t("loans:calc.limit.rate_max", { max: violation.maxPercent });
    case "grace_max":
      return t("loans:calc.limit.grace_max", { max: violation.maxMonths, cap: GRACE_CAP_MONTHS });
  }
}

function ask(ctx: ConvContext, step: Step, draft: Draft) {
  const t = ctx.t;
  if (step === "purpose") return ctx.reply(t("loans:calc.ask.purpose"), { reply_markup: calcPurposeKeyboard(t) });
  if (step === "kind") return ctx.reply(t("loans:calc.ask.kind"), { reply_markup: calcKindKeyboard(t) });
  if (step === "grace_kind")
    return ctx.reply(t("loans:calc.ask.grace_kind", { months: draft.graceMonths }), {
      reply_markup: calcGraceKindKeyboard(t),
    });
  const max = {
    amount: formatMoney(LOAN.maxAmountMci * rateOn(ctx.deps.now()).mci * 100, ctx.lang),
    term: maxTermMonths(draft.purpose ?? "investment"),
    rate: LOAN.maxRatePercent,
    grace: maxGraceMonths(draft.termMonths ?? 0),
  }[step];
  return ctx.reply(t(`loans:calc.ask.${step}`, { max }), { reply_markup: calcBackKeyboard(t) });
}

type TypedStep = "amount" | "term" | "rate" | "grace";

/** Each typed answer: how it is read, which programme limit checks it, where it goes in the draft. */
const TYPED: Record<
  TypedStep,
  {
    parse: (text: string) => number | null;
    check: (value: number, draft: Draft, ctx: ConvContext) => LimitViolation | null;
    keep: (value: number, draft: Draft) => void;
  }
> = {
  amount: {
    parse: parseAmountTiyn,
    check: (v, _d, ctx) => checkAmount(v, rateOn(ctx.deps.now()).mci),
    keep: (v, d) => (d.amountTiyn = v),
  },
  term: { parse: parseMonths, check: (v, d) => checkTerm(v, d.purpose!), keep: (v, d) => (d.termMonths = v) },
  rate: { parse: parsePercent, check: (v) => checkRate(v), keep: (v, d) => (d.ratePercent = v) },
  grace: { parse: parseMonths, check: (v, d) => checkGrace(v, d.termMonths!), keep: (v, d) => (d.graceMonths = v) },
};

/** Reads a typed answer into the draft: an error text when it is not acceptable, else null. */
function readText(ctx: ConvContext, step: Step, text: string, draft: Draft): string | null {
  if (step === "purpose" || step === "kind" || step === "grace_kind") return ctx.t("answer.use_buttons");
  const { parse, check, keep } = TYPED[step];
  const value = parse(text);
  if (value === null) return ctx.t(`loans:calc.invalid.${step}`);
  const violation = check(value, draft, ctx);
  if (violation) return violationText(ctx, violation);
  keep(value, draft);
  return null;
}

async function answer(conversation: BotConversation, step: Step, draft: Draft): Promise<[ConvContext, StepMove]> {
  for (;;) {
    const ctx = await conversation.wait();
    if (ctx.callbackQuery) {
      const pressed = whichOf(calc, ctx.callbackQuery.data);
      await ctx.answerCallbackQuery();
      if (pressed?.action === "back") return [ctx, "back"];
      if (step === "purpose" && pressed?.action === "purpose") draft.purpose = pressed.data.purpose;
      else if (step === "kind" && pressed?.action === "kind") draft.kind = pressed.data.kind;
      else if (step === "grace_kind" && pressed?.action === "graceKind") draft.graceKind = pressed.data.graceKind;
      else continue; // a button of an earlier message
      await ctx.editMessageReplyMarkup().catch(() => undefined);
      return [ctx, "next"];
    }
    const error = readText(ctx, step, ctx.message?.text ?? "", draft);
    if (error === null) return [ctx, "next"];
    await ctx.reply(error);
    return [ctx, "repeat"];
  }
}

async function sendResult(ctx: ConvContext, terms: LoanTerms) {
  const { t, lang } = ctx;
  const schedule = buildSchedule(terms);
  const regular = schedule.payments.filter((p) => p.principal > 0);
  const money = (tiyn: number) => formatMoney(tiyn, lang);
  const lines = [t("loans:calc.result.title")];
  if (terms.kind === "annuity") lines.push(t("loans:calc.result.annuity", { payment: money(regular[0]!.total) }));
  else
    lines.push(
      t("loans:calc.result.equal_principal", { first: money(regular[0]!.total), last: money(regular.at(-1)!.total) }),
    );
  if (terms.graceMonths > 0 && terms.graceKind === "principal_and_interest") {
    const deferred = schedule.payments.reduce((sum, p) => sum + p.deferred, 0);
    lines.push(
      t("loans:calc.result.grace_deferred", {
        months: terms.graceMonths,
        deferred: money(deferred),
        parts: terms.termMonths - terms.graceMonths,
        part: money(Math.floor(deferred / (terms.termMonths - terms.graceMonths))),
      }),
    );
  } else if (terms.graceMonths > 0)
    lines.push(
      t("loans:calc.result.grace", { months: terms.graceMonths, interest: money(schedule.payments[0]!.interest) }),
    );
  if (terms.graceMonths > 0) lines.push(t("loans:calc.result.grace_lender", { max: GRACE_CAP_MONTHS }));
  lines.push(
    t("loans:calc.result.totals", { interest: money(schedule.totalInterest), total: money(schedule.totalPaid) }),
  );
  await ctx.reply(lines.join("\n\n"), { reply_markup: mainMenuKeyboard(t, ctx.account) });
  const file = await scheduleWorkbook(schedule, {
    sheet: t("loans:xlsx.sheet"),
    month: t("loans:xlsx.month"),
    principal: t("loans:xlsx.principal"),
    interest: t("loans:xlsx.interest"),
    deferred: t("loans:xlsx.deferred"),
    payment: t("loans:xlsx.payment"),
    balance: t("loans:xlsx.balance"),
    total: t("loans:xlsx.total"),
  });
  await ctx.replyWithDocument(new InputFile(file, t("loans:xlsx.file_name")), { caption: t("loans:xlsx.caption") });
}

export async function calculatorConversation(
  conversation: BotConversation,
  ctx: ConvContext,
  purpose?: LoanPurpose,
): Promise<void> {
  const draft: Draft = { purpose };
  const steps = STEPS.filter((step) => step !== "purpose" || !purpose);
  await ctx.reply(ctx.t("loans:calc.intro"));
  // The grace's kind is asked only when there is a grace.
  const skip = (step: Step) => step === "grace_kind" && !draft.graceMonths;
  const last = await runSteps(
    ctx,
    steps,
    (current, step) => ask(current, step, draft),
    (step) => answer(conversation, step, draft),
    skip,
  );
  if (last) await sendResult(last, draft as LoanTerms);
}
