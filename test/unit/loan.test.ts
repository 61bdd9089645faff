import { describe, expect, it } from "vitest";
import { buildSchedule, checkAmount, checkGrace, checkRate, checkTerm, type LoanTerms } from "../../src/domain/loan.js";

const tenge = (value: number) => value * 100;
const MCI_2021 = 2_917;

function expectExactRepayment(terms: LoanTerms) {
  const schedule = buildSchedule(terms);
  expect(schedule.payments).toHaveLength(terms.termMonths);
  expect(schedule.payments.reduce((sum, p) => sum + p.principal, 0)).toBe(terms.amountTiyn);
  expect(schedule.payments.at(-1)!.balanceAfter).toBe(0);
  for (const p of schedule.payments) {
    expect(Number.isInteger(p.principal) && Number.isInteger(p.interest)).toBe(true);
    expect(p.total).toBe(p.principal + p.interest);
  }
  expect(schedule.totalPaid).toBe(terms.amountTiyn + schedule.totalInterest);
  return schedule;
}

describe("a grace on the principal and the interest", () => {
  it.each(["annuity", "equal_principal"] as const)(
    "defers the grace's interest and spreads it over the payments after it, to the tiyn (%s)",
    (kind) => {
      const terms: LoanTerms = {
        amountTiyn: tenge(204_190_000) - 7,
        termMonths: 120,
        ratePercent: 6,
        graceMonths: 40,
        graceKind: "principal_and_interest",
        kind,
      };
      const schedule = expectExactRepayment(terms);
      const grace = schedule.payments.slice(0, 40);
      expect(grace.every((p) => p.total === 0 && p.interest === 0 && p.deferred > 0)).toBe(true);
      const deferred = grace.reduce((sum, p) => sum + p.deferred, 0);
      expect(deferred).toBe(40 * Math.round((tenge(204_190_000) - 7) * 0.005));
      const principalOnly = buildSchedule({ ...terms, graceKind: "principal" });
      expect(schedule.totalInterest).toBe(principalOnly.totalInterest); // the same interest, paid later
      const after = schedule.payments.slice(40);
      const extra = after.map((p, i) => p.interest - principalOnly.payments[40 + i]!.interest);
      expect(extra.reduce((a, b) => a + b, 0)).toBe(deferred);
      expect(new Set(extra.slice(0, -1)).size).toBe(1); // equal parts, the last one takes the rounding
      expect(extra.at(-1)! - extra[0]!).toBeGreaterThanOrEqual(0);
      expect(extra.at(-1)! - extra[0]!).toBeLessThan(80);
    },
  );

  it("1,200,000 ₸, 12 months at 6 %, 3 months' grace: 18,000 ₸ deferred, 2,000 ₸ more in each of the 9 payments", () => {
    const schedule = expectExactRepayment({
      amountTiyn: tenge(1_200_000),
      termMonths: 12,
      ratePercent: 6,
      graceMonths: 3,
      graceKind: "principal_and_interest",
      kind: "equal_principal",
    });
    expect(schedule.payments.slice(0, 3).map((p) => [p.total, p.deferred])).toEqual([
      [0, tenge(6_000)],
      [0, tenge(6_000)],
      [0, tenge(6_000)],
    ]);
    expect(schedule.payments[3]).toMatchObject({
      principal: Math.round(tenge(1_200_000) / 9),
      interest: tenge(6_000) + tenge(2_000),
    });
    expect(schedule.totalPaid).toBe(tenge(1_200_000) + schedule.totalInterest);
  });
});

describe("annuity schedule", () => {
  it("1,000,000 ₸ for 12 months at 6 %: 86,066.43 ₸ a month (hand-checked)", () => {
    const schedule = expectExactRepayment({
      amountTiyn: tenge(1_000_000),
      termMonths: 12,
      ratePercent: 6,
      graceMonths: 0,
      kind: "annuity",
    });
    expect(schedule.payments[0]).toMatchObject({ interest: tenge(5_000), total: 8_606_643 });
    expect(schedule.payments.slice(0, 11).every((p) => p.total === 8_606_643)).toBe(true);
    expect(Math.abs(schedule.payments[11]!.total - 8_606_643)).toBeLessThanOrEqual(12); // the last absorbs the rounding
    expect(schedule.totalInterest).toBeGreaterThan(tenge(32_796));
    expect(schedule.totalInterest).toBeLessThan(tenge(32_798));
  });

  it("with a 4-month grace: interest only, then the annuity over the remaining 8 months", () => {
    const schedule = expectExactRepayment({
      amountTiyn: tenge(1_000_000),
      termMonths: 12,
      ratePercent: 6,
      graceMonths: 4,
      kind: "annuity",
    });
    expect(schedule.payments.slice(0, 4).map((p) => [p.principal, p.interest])).toEqual(
      Array(4).fill([0, tenge(5_000)]),
    );
    // 1,000,000 × 0.005 / (1 − 1.005^−8) = 127,828.86 ₸
    expect(schedule.payments[4]!.total).toBe(12_782_886);
  });

  it("at 0 % splits the amount evenly", () => {
    const schedule = expectExactRepayment({
      amountTiyn: tenge(1_200_000),
      termMonths: 12,
      ratePercent: 0,
      graceMonths: 0,
      kind: "annuity",
    });
    expect(schedule.totalInterest).toBe(0);
    expect(new Set(schedule.payments.map((p) => p.total))).toEqual(new Set([tenge(100_000)]));
  });
});

describe("equal-principal schedule", () => {
  it("1,200,000 ₸ for 12 months at 6 %: 106,000 ₸ first, 100,500 ₸ last, 39,000 ₸ interest (hand-checked)", () => {
    const schedule = expectExactRepayment({
      amountTiyn: tenge(1_200_000),
      termMonths: 12,
      ratePercent: 6,
      graceMonths: 0,
      kind: "equal_principal",
    });
    expect(schedule.payments[0]!.total).toBe(tenge(106_000));
    expect(schedule.payments[11]!.total).toBe(tenge(100_500));
    expect(schedule.totalInterest).toBe(tenge(39_000));
  });

  it("with a 6-month grace on 18 months: 6 × 6,000 ₸ of interest first, 75,000 ₸ interest in all", () => {
    const schedule = expectExactRepayment({
      amountTiyn: tenge(1_200_000),
      termMonths: 18,
      ratePercent: 6,
      graceMonths: 6,
      kind: "equal_principal",
    });
    expect(schedule.payments.slice(0, 6).map((p) => p.total)).toEqual(Array(6).fill(tenge(6_000)));
    expect(schedule.payments[6]!.total).toBe(tenge(106_000));
    expect(schedule.totalInterest).toBe(tenge(75_000));
  });

  it("rounds per payment and lets the last absorb the rest: 100 ₸ over 3 months", () => {
    const schedule = expectExactRepayment({
      amountTiyn: tenge(100),
      termMonths: 3,
      ratePercent: 0,
      graceMonths: 0,
      kind: "equal_principal",
    });
    expect(schedule.payments.map((p) => p.principal)).toEqual([3_333, 3_333, 3_334]);
  });

  it("repays the programme's largest loan to the tiyn", () => {
    expectExactRepayment({
      amountTiyn: tenge(204_190_000),
      termMonths: 120,
      ratePercent: 6,
      graceMonths: 40,
      kind: "equal_principal",
    });
    expectExactRepayment({
      amountTiyn: tenge(204_190_000) - 1,
      termMonths: 120,
      ratePercent: 5.5,
      graceMonths: 40,
      kind: "annuity",
    });
  });
});

describe("the programme's limits, at each bound and one past it", () => {
  it("amount: up to 70,000 MCI (204,190,000 ₸ in 2021)", () => {
    expect(checkAmount(tenge(204_190_000), MCI_2021)).toBeNull();
    expect(checkAmount(tenge(204_190_000) + 1, MCI_2021)).toEqual({ rule: "amount_max", maxTiyn: tenge(204_190_000) });
    expect(checkAmount(0, MCI_2021)).toEqual({ rule: "amount_positive" });
  });

  it("term: up to 120 months, 60 for working capital", () => {
    expect(checkTerm(120, "investment")).toBeNull();
    expect(checkTerm(121, "investment")).toEqual({ rule: "term_range", maxMonths: 120 });
    expect(checkTerm(60, "working_capital")).toBeNull();
    expect(checkTerm(61, "working_capital")).toEqual({ rule: "term_range", maxMonths: 60 });
    expect(checkTerm(0, "investment")).not.toBeNull();
  });

  it("rate: at most 6 % a year", () => {
    expect(checkRate(6)).toBeNull();
    expect(checkRate(6.01)).toEqual({ rule: "rate_max", maxPercent: 6 });
    expect(checkRate(0)).toBeNull();
  });

  it("grace: at most a third of the budget credit's 10 years (40 months), and a month left to repay", () => {
    expect(checkGrace(40, 120)).toBeNull();
    expect(checkGrace(41, 120)).toEqual({ rule: "grace_max", maxMonths: 40 });
    expect(checkGrace(40, 60)).toBeNull(); // a third of the budget credit's term, not of the loan's
    expect(checkGrace(41, 60)).toEqual({ rule: "grace_max", maxMonths: 40 });
    expect(checkGrace(9, 10)).toBeNull();
    expect(checkGrace(10, 10)).toEqual({ rule: "grace_max", maxMonths: 9 });
    expect(checkGrace(0, 1)).toBeNull();
    expect(checkGrace(1, 1)).toEqual({ rule: "grace_max", maxMonths: 0 });
  });
});
