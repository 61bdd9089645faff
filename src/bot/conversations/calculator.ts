// The repayment calculator: purpose (unless carried over), amount, term, rate, grace, schedule kind.
import type { Checkpoint } from "@grammyjs/conversations";
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
  type LimitViolation,
  type LoanTerms,
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
import { ask, choice, now, staleButton, type Asked } from "./answer.js";

export const CALCULATOR_CONVERSATION = "calculator";
type TypedStep = "amount" | "term" | "rate" | "grace";

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

/** A typed number: read by `parse`, then checked against the programme's limit. */
function typed(
  conversation: BotConversation,
  ctx: ConvContext,
  step: TypedStep,
  max: string | number,
  parse: (text: string) => number | null,
  check: (value: number) => LimitViolation | null,
): Promise<Asked<number>> {
  return ask<number>(
    conversation,
    ctx,
    (at) => at.reply(at.t(`loans:calc.ask.${step}`, { max }), { reply_markup: calcBackKeyboard(at.t) }),
    (at) => {
      if (at.callbackQuery)
        return whichOf(calc, at.callbackQuery.data)?.action === "back" ? { back: true } : staleButton(at);
      const value = parse(at.message?.text ?? "");
      if (value === null) return { refuse: at.t(`loans:calc.invalid.${step}`) };
      const violation = check(value);
      return violation ? { refuse: violationText(at, violation) } : { value };
    },
  );
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
  carried?: LoanPurpose,
): Promise<void> {
  await ctx.reply(ctx.t("loans:calc.intro"));
  const today = await now(conversation);
  const leave = async (at: ConvContext) =>
    void (await at.reply(at.t("cancel.done"), { reply_markup: mainMenuKeyboard(at.t, at.account) }));

  // The purpose is asked unless the eligibility check carried it over; back from it leaves.
  let purpose: LoanPurpose;
  let purposeAgain: Checkpoint | null = null;
  let current = ctx;
  if (carried) purpose = carried;
  else {
    const asked = await choice(
      conversation,
      ctx,
      (at) => at.reply(at.t("loans:calc.ask.purpose"), { reply_markup: calcPurposeKeyboard(at.t) }),
      calc,
      (pressed) => (pressed.action === "purpose" ? pressed.data.purpose : undefined),
    );
    if (asked.back) return leave(asked.ctx);
    [purpose, purposeAgain, current] = [asked.value, asked.again, asked.ctx];
  }

  const mci = rateOn(today).mci;
  const amount = await typed(
    conversation,
    current,
    "amount",
    formatMoney(LOAN.maxAmountMci * mci * 100, ctx.lang),
    parseAmountTiyn,
    (value) => checkAmount(value, mci),
  );
  if (amount.back) return purposeAgain ? conversation.rewind(purposeAgain) : leave(amount.ctx);
  const term = await typed(conversation, amount.ctx, "term", maxTermMonths(purpose), parseMonths, (value) =>
    checkTerm(value, purpose),
  );
  if (term.back) return conversation.rewind(amount.again);
  const rate = await typed(conversation, term.ctx, "rate", LOAN.maxRatePercent, parsePercent, checkRate);
  if (rate.back) return conversation.rewind(term.again);
  const grace = await typed(conversation, rate.ctx, "grace", maxGraceMonths(term.value), parseMonths, (value) =>
    checkGrace(value, term.value),
  );
  if (grace.back) return conversation.rewind(rate.again);
  // What the grace defers is asked only when there is a grace.
  const graceKind =
    grace.value > 0
      ? await choice(
          conversation,
          grace.ctx,
          (at) =>
            at.reply(at.t("loans:calc.ask.grace_kind", { months: grace.value }), {
              reply_markup: calcGraceKindKeyboard(at.t),
            }),
          calc,
          (pressed) => (pressed.action === "graceKind" ? pressed.data.graceKind : undefined),
        )
      : null;
  if (graceKind?.back) return conversation.rewind(grace.again);
  const kind = await choice(
    conversation,
    graceKind?.ctx ?? grace.ctx,
    (at) => at.reply(at.t("loans:calc.ask.kind"), { reply_markup: calcKindKeyboard(at.t) }),
    calc,
    (pressed) => (pressed.action === "kind" ? pressed.data.kind : undefined),
  );
  if (kind.back) return conversation.rewind(graceKind?.again ?? grace.again);
  await sendResult(kind.ctx, {
    amountTiyn: amount.value,
    termMonths: term.value,
    ratePercent: rate.value,
    graceMonths: grace.value,
    graceKind: graceKind?.back === false ? graceKind.value : undefined,
    kind: kind.value,
  });
}
