// Repayment schedules of a programme loan, in tiyn (1 ₸ = 100 tiyn), rounded per payment;
// the last payment absorbs the rounding, so the principal repaid equals the amount exactly.
import { LOAN } from "./rules.js";

export type ScheduleKind = "annuity" | "equal_principal";
export type LoanPurposeKind = "investment" | "working_capital";

export interface LoanTerms {
  amountTiyn: number;
  termMonths: number;
  ratePercent: number; // nominal, a year
  graceMonths: number; // principal deferred; interest is paid monthly
  kind: ScheduleKind;
}

export interface Payment {
  month: number; // 1-based
  principal: number;
  interest: number;
  total: number;
  balanceAfter: number;
}

export interface ScheduleSummary {
  payments: Payment[];
  totalInterest: number;
  totalPaid: number;
}

export function buildSchedule(terms: LoanTerms): ScheduleSummary {
  const { amountTiyn, termMonths, graceMonths, kind } = terms;
  const monthlyRate = terms.ratePercent / 100 / 12;
  const repayingMonths = termMonths - graceMonths;
  const annuity = monthlyRate === 0
    ? Math.round(amountTiyn / repayingMonths)
    : Math.round((amountTiyn * monthlyRate) / (1 - (1 + monthlyRate) ** -repayingMonths));
  const equalShare = Math.round(amountTiyn / repayingMonths);

  const payments: Payment[] = [];
  let balance = amountTiyn;
  for (let month = 1; month <= termMonths; month++) {
    const interest = Math.round(balance * monthlyRate);
    let principal = 0;
    if (month === termMonths) principal = balance;
    else if (month > graceMonths) principal = Math.min(balance, kind === "annuity" ? annuity - interest : equalShare);
    balance -= principal;
    payments.push({ month, principal, interest, total: principal + interest, balanceAfter: balance });
  }
  const totalInterest = payments.reduce((sum, p) => sum + p.interest, 0);
  return { payments, totalInterest, totalPaid: amountTiyn + totalInterest };
}

export type LimitViolation =
  | { rule: "amount_positive" }
  | { rule: "amount_max"; maxTiyn: number }
  | { rule: "term_range"; maxMonths: number }
  | { rule: "rate_max"; maxPercent: number }
  | { rule: "grace_max"; maxMonths: number };

/** The most a loan may be: 70,000 MCI of the year. */
export const maxLoanTiyn = (mci: number) => LOAN.maxAmountMci * mci * 100;
/** Up to 120 months; up to 60 for working capital. */
export const maxTermMonths = (purpose: LoanPurposeKind) =>
  purpose === "working_capital" ? LOAN.maxWorkingCapitalTermMonths : LOAN.maxTermMonths;
/** Grace at most one third of the term (whole months). */
export const maxGraceMonths = (termMonths: number) => Math.floor(termMonths * LOAN.maxGraceShareOfTerm + 1e-9);

export function checkAmount(amountTiyn: number, mci: number): LimitViolation | null {
  if (!(amountTiyn > 0)) return { rule: "amount_positive" };
  return amountTiyn > maxLoanTiyn(mci) ? { rule: "amount_max", maxTiyn: maxLoanTiyn(mci) } : null;
}

export function checkTerm(termMonths: number, purpose: LoanPurposeKind): LimitViolation | null {
  const maxMonths = maxTermMonths(purpose);
  return Number.isInteger(termMonths) && termMonths >= 1 && termMonths <= maxMonths ? null : { rule: "term_range", maxMonths };
}

export function checkRate(ratePercent: number): LimitViolation | null {
  return ratePercent >= 0 && ratePercent <= LOAN.maxRatePercent ? null : { rule: "rate_max", maxPercent: LOAN.maxRatePercent };
}

export function checkGrace(graceMonths: number, termMonths: number): LimitViolation | null {
  const maxMonths = Math.min(maxGraceMonths(termMonths), termMonths - 1);
  return Number.isInteger(graceMonths) && graceMonths >= 0 && graceMonths <= maxMonths ? null : { rule: "grace_max", maxMonths };
}
