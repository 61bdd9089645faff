import { describe, expect, it } from "vitest";
import { checkEligibility, FORBIDDEN_USES, type EligibilityAnswers } from "../../src/domain/eligibility.js";

const eligible: EligibilityAnswers = {
  businessKind: "sme",
  taxRegistered: true,
  purpose: "investment",
  uses: ["business"],
  newJobs: 1,
};
const failed = (answers: EligibilityAnswers) =>
  checkEligibility(answers)
    .rules.filter((r) => !r.passed)
    .map((r) => r.rule);

describe("loan eligibility (Direction 2)", () => {
  it("passes every rule for a registered business that creates a job for business needs", () => {
    const verdict = checkEligibility(eligible);
    expect(verdict.eligible).toBe(true);
    expect(verdict.rules).toHaveLength(8);
  });

  it.each(["sme", "individual", "private", "industrial"] as const)(
    "accepts the kind of business %s",
    (businessKind) => {
      expect(checkEligibility({ ...eligible, businessKind }).eligible).toBe(true);
    },
  );

  it("refuses anyone who is none of the programme's kinds of business", () => {
    expect(failed({ ...eligible, businessKind: "none" })).toEqual(["business_kind"]);
  });

  it("needs tax registration", () => {
    expect(failed({ ...eligible, taxRegistered: false })).toEqual(["tax_registered"]);
  });

  it("needs at least one new job: 1 passes, 0 fails", () => {
    expect(failed({ ...eligible, newJobs: 1 })).toEqual([]);
    expect(failed({ ...eligible, newJobs: 0 })).toEqual(["new_jobs"]);
  });

  it.each(FORBIDDEN_USES)("refuses the forbidden use %s, even beside business needs", (use) => {
    expect(failed({ ...eligible, uses: ["business", use] })).toEqual([`not_${use}`]);
  });

  it("lists every failed rule at once", () => {
    expect(
      failed({
        businessKind: "none",
        taxRegistered: false,
        purpose: "working_capital",
        uses: [...FORBIDDEN_USES],
        newJobs: 0,
      }),
    ).toHaveLength(8);
  });
});

describe("land and housing (002, end-borrower terms)", () => {
  const base = { businessKind: "sme" as const, taxRegistered: true, purpose: "investment" as const, newJobs: 2 };
  it("allows land or housing whose purpose becomes business within a year of the loan contract", () => {
    expect(checkEligibility({ ...base, uses: ["business", "property_for_business"] }).eligible).toBe(true);
  });
  it.each(["housing", "land"] as const)("refuses %s that stays out of business", (use) => {
    const verdict = checkEligibility({ ...base, uses: ["business", use] });
    expect(verdict.eligible).toBe(false);
    expect(verdict.rules.find((r) => !r.passed)?.rule).toBe(`not_${use}`);
  });
});
