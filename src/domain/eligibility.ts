// Who may borrow under Direction 2 of the programme (002, "loans to entrepreneurs").
export const BUSINESS_KINDS = ["sme", "individual", "private", "industrial", "none"] as const;
export const LOAN_PURPOSES = ["investment", "working_capital"] as const;
/**
 * What the money is for: the business itself, or one of the uses the programme forbids. Land and
 * housing are forbidden unless their purpose becomes business within one year of the loan contract
 * (002, end-borrower terms): that case is a use of its own, allowed.
 */
export const LOAN_USES = [
  "business",
  "property_for_business",
  "consumer",
  "excisable",
  "housing",
  "land",
  "refinancing",
] as const;
export const FORBIDDEN_USES = ["consumer", "excisable", "housing", "land", "refinancing"] as const;

export type BusinessKind = (typeof BUSINESS_KINDS)[number];
export type LoanPurpose = (typeof LOAN_PURPOSES)[number];
export type LoanUse = (typeof LOAN_USES)[number];

export interface EligibilityAnswers {
  businessKind: BusinessKind;
  taxRegistered: boolean;
  purpose: LoanPurpose;
  uses: readonly LoanUse[];
  newJobs: number;
}

export type EligibilityRule =
  | "business_kind" // small and medium business, individual or private entrepreneurs, industrial-innovative
  | "tax_registered" // registered with the tax authority
  | "new_jobs" // the loan is given on condition of creating new jobs
  | `not_${(typeof FORBIDDEN_USES)[number]}`;

export interface RuleOutcome {
  rule: EligibilityRule;
  passed: boolean;
}

export interface EligibilityVerdict {
  eligible: boolean;
  rules: RuleOutcome[];
}

export function checkEligibility(answers: EligibilityAnswers): EligibilityVerdict {
  const rules: RuleOutcome[] = [
    { rule: "business_kind", passed: answers.businessKind !== "none" },
    { rule: "tax_registered", passed: answers.taxRegistered },
    { rule: "new_jobs", passed: Number.isInteger(answers.newJobs) && answers.newJobs >= 1 },
    ...FORBIDDEN_USES.map((use) => ({ rule: `not_${use}` as EligibilityRule, passed: !answers.uses.includes(use) })),
  ];
  return { eligible: rules.every((outcome) => outcome.passed), rules };
}
