// Repayment schedules of a programme loan, in tiyn (1 ₸ = 100 tiyn), rounded per payment;
// the last payment absorbs the rounding, so the principal repaid equals the amount exactly.
// A grace period defers the principal (interest paid monthly), or the principal and the interest:
// then the interest of the grace months accrues and is paid in equal parts with each payment after
// it (the last part takes the rounding), so everything paid is the principal plus every month's interest.
import { LOAN } from "./rules.js";

export type ScheduleKind = "annuity" | "equal_principal";
export type LoanPurposeKind = "investment" | "working_capital";

export type GraceKind = "principal" | "principal_and_interest";

export interface LoanTerms {
  amountTiyn: number;
  termMonths: number;
  ratePercent: number; // nominal, a year
  graceMonths: number;
  /** What the grace defers: the principal only (the default), or the principal and the interest. */
  graceKind?: GraceKind;
  kind: ScheduleKind;
}

export interface Payment {
  month: number; // 1-based
  principal: number;
  /** Interest paid this month (with its part of the grace's deferred interest). */
  interest: number;
  /** Interest of this grace month, deferred (principal-and-interest grace only). */
  deferred: number;
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
  const deferring = terms.graceKind === "principal_and_interest";
  const monthlyRate = terms.ratePercent / 100 / 12;
  const repayingMonths = termMonths - graceMonths;
  const annuity =
    monthlyRate === 0
      ? Math.round(amountTiyn / repayingMonths)
      : Math.round((amountTiyn * monthlyRate) / (1 - (1 + monthlyRate) ** -repayingMonths));
  const equalShare = Math.round(amountTiyn / repayingMonths);

  const payments: Payment[] = [];
  let balance = amountTiyn;
  let deferredTotal = 0;
  let deferredPaid = 0;
  for (let month = 1; month <= termMonths; month++) {
    const interest = Math.round(balance * monthlyRate);
    let principal = 0;
    if (month === termMonths) principal = balance;
    else if (month > graceMonths) principal = Math.min(balance, kind === "annuity" ? annuity - interest : equalShare);
    balance -= principal;
    if (deferring && month <= graceMonths) {
      deferredTotal += interest;
      payments.push({ month, principal, interest: 0, deferred: interest, total: principal, balanceAfter: balance });
      continue;
    }
    const catchUp = month === termMonths ? deferredTotal - deferredPaid : Math.floor(deferredTotal / repayingMonths);
    deferredPaid += catchUp;
    payments.push({
      month,
      principal,
      interest: interest + catchUp,
      deferred: 0,
      total: principal + interest + catchUp,
      balanceAfter: balance,
    });
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
/** A third of the budget credit's term: 40 months. */
export const GRACE_CAP_MONTHS = Math.floor(LOAN.budgetCreditTermMonths * LOAN.maxGraceShareOfTerm + 1e-9);

/** Grace at most GRACE_CAP_MONTHS, and at least one month of repaying after it. */
export const maxGraceMonths = (termMonths: number) => Math.max(0, Math.min(GRACE_CAP_MONTHS, termMonths - 1));

export function checkAmount(amountTiyn: number, mci: number): LimitViolation | null {
  if (!(amountTiyn > 0)) return { rule: "amount_positive" };
  return amountTiyn > maxLoanTiyn(mci) ? { rule: "amount_max", maxTiyn: maxLoanTiyn(mci) } : null;
}

export function checkTerm(termMonths: number, purpose: LoanPurposeKind): LimitViolation | null {
  const maxMonths = maxTermMonths(purpose);
  return Number.isInteger(termMonths) && termMonths >= 1 && termMonths <= maxMonths
    ? null
    : { rule: "term_range", maxMonths };
}

export function checkRate(ratePercent: number): LimitViolation | null {
  return ratePercent >= 0 && ratePercent <= LOAN.maxRatePercent
    ? null
    : { rule: "rate_max", maxPercent: LOAN.maxRatePercent };
}

export function checkGrace(graceMonths: number, termMonths: number): LimitViolation | null {
  const maxMonths = maxGraceMonths(termMonths);
  return Number.isInteger(graceMonths) && graceMonths >= 0 && graceMonths <= maxMonths
    ? null
    : { rule: "grace_max", maxMonths };
}
