// Every number of the Employment Roadmap that the bot applies, in one place.
// Sources: ../shared/PROGRAMME.md (digest) and the documents it cites in ../shared/seeds/:
// 000 = the 2020 plan news, 002 = the programme (order No. 55-ө of 27.03.2020, rev. No. 24-ө of 09.02.2021).

/** 002, Direction 1, hiring: at least 20 % of a project's jobs go to people referred by the centre. */
export const REFERRAL_QUOTA_PERCENT = 20;

/**
 * 000, the 2020 plan: at least half of all people hired should come through employment centres. An
 * aim of that year's plan, not a rule of 002: reported against the months of 2020 only.
 */
export const CENTRE_HIRING_SHARE_AIM = 0.5;
export const CENTRE_HIRING_SHARE_AIM_YEAR = 2020;

/** The 2020 plan's aim for a month of `year`, percent; null in other years. */
export const centreShareAimPercent = (year: number): number | null =>
  year === CENTRE_HIRING_SHARE_AIM_YEAR ? CENTRE_HIRING_SHARE_AIM * 100 : null;

/** 002: a referred person earns at least two minimum wages of the year (before taxes). */
export const WAGE_FLOOR_MINIMUM_WAGES = 2;

/** 002: labour from another settlement gets a one-off relocation allowance of two minimum wages… */
export const RELOCATION_ALLOWANCE_MINIMUM_WAGES = 2;
/** …paid by the contractor within 3 working days of the employment contract. */
export const RELOCATION_ALLOWANCE_WORKING_DAYS = 3;

/** 002, commissioning: the centre fills at least 15 % of a finished object's new permanent jobs… */
export const COMMISSIONED_JOBS_PERCENT = 15;
/** …and at least one job when the staff is under 6 people. */
export const COMMISSIONED_SMALL_STAFF = 6;
export const COMMISSIONED_SMALL_STAFF_MINIMUM = 1;

/** Youth as the youth-policy law of the programme years defines it: 14 to 29 years. */
export const YOUTH_AGE = { min: 14, max: 29 } as const;

/** Labour Code: work from 16 (the bot registers no one younger); under 18 only where suitable for minors. */
export const MIN_REGISTRATION_AGE = 16;
export const ADULT_AGE = 18;

/** 002, monitoring: regions report the month by the 10th of the next month… */
export const MONTHLY_REPORT_DAY = 10;
/** …the ministry and akimats report to the commission monthly by the 25th (plan item 22). */
export const COMMISSION_REPORT_DAY = 25;

/** 002, Direction 2 (loans to entrepreneurs). */
export const LOAN = {
  /** amount up to 70,000 MCI of the year */
  maxAmountMci: 70_000,
  /** term up to 10 years */
  maxTermMonths: 120,
  /** working capital up to 5 years */
  maxWorkingCapitalTermMonths: 60,
  /** nominal rate at most 6 % a year */
  maxRatePercent: 6,
  /**
   * Item 5 of the end-borrower terms: a grace period on the principal, or on the principal and the
   * interest (sыйақы), by the lender's decision, at most one third of the budget credit's term…
   */
  maxGraceShareOfTerm: 1 / 3,
  /** …and the budget credits to akimats and lenders run 10 years. */
  budgetCreditTermMonths: 120,
  /** targeted use confirmed within 90 calendar days */
  targetedUseConfirmationDays: 90,
  /** each new job confirmed by an employment contract within 24 months */
  jobConfirmationMonths: 24,
} as const;

export interface YearlyRate {
  validFrom: string; // ISO date
  minimumWage: number; // tenge a month
  mci: number; // monthly calculation index, tenge
}

/**
 * Minimum wage and MCI by date (the laws on the republican budget): minimum wage 42,500 ₸ in
 * 2020 and 2021; MCI 2,651 ₸ in 2020, 2,778 ₸ from 1 April 2020, 2,917 ₸ in 2021.
 */
export const YEARLY_RATES: readonly YearlyRate[] = [
  { validFrom: "2020-01-01", minimumWage: 42_500, mci: 2_651 },
  { validFrom: "2020-04-01", minimumWage: 42_500, mci: 2_778 },
  { validFrom: "2021-01-01", minimumWage: 42_500, mci: 2_917 },
];

/** Direction 2 (loans) came with the revision of 9 February 2021 (order No. 24-ө): no programme loan is older. */
export const LOANS_DIRECTION_FROM = "2021-02-09";

/** 002: the programme's first edition, order No. 55-ө of 27.03.2020; no programme contract is older. */
export const PROGRAMME_START = "2020-03-27";

/** 002: the Employment Roadmap for 2020–2021; the public page tells the story of these years. */
export const PROGRAMME_YEARS = [2020, 2021] as const;
export type ProgrammeYear = (typeof PROGRAMME_YEARS)[number];
