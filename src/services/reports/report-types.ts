// What the monthly monitoring report holds (monthly-report.ts builds it).
import type { ReportMonth } from "../../domain/report.js";
import type { ObjectGroup, ProjectStatus, WorkKind } from "../../generated/prisma/enums.js";

export interface Named {
  nameKk: string;
  nameRu: string;
}

export interface ContractorLine {
  name: string;
  bin: string | null;
  projects: number;
}

export interface KindLine {
  objectGroup: ObjectGroup;
  workKind: WorkKind;
  started: number;
  finished: number;
  inProgress: number;
}

export interface ProjectLine extends Named {
  id: number;
  districtId: number;
  regionId: number;
  district: Named;
  objectGroup: ObjectGroup;
  workKind: WorkKind;
  status: ProjectStatus;
  /** Tenge of work done in the month, from the project's monthly figures. */
  workDone: number;
  jobsCreated: number;
  plannedJobs: number;
  quota: number;
  referred: number;
  hired: number;
  /** Hired against the quota, percent; null without a quota. */
  percentMet: number | null;
}

export interface QuotaLine extends Named {
  id: number;
  quota: number;
  referred: number;
  hired: number;
  percentMet: number | null;
}

export interface CommissionedLine extends Named {
  id: number;
  district: Named;
  commissionedAt: Date;
  permanentJobs: number;
  /** The centre's part of the permanent jobs: 15 %, at least one under 6 (002). */
  required: number;
  /** Referred people hired on the project from its commissioning on. */
  placed: number;
  met: boolean;
}

export interface PlanLine extends Named {
  id: number;
  plannedJobs: number;
  jobsCreated: number;
  jobsPercent: number | null;
  plannedPermanent: number;
  permanentCreated: number;
  permanentPercent: number | null;
}

export interface QuotaTotals {
  quota: number;
  referred: number;
  hired: number;
  percentMet: number | null;
}

export type PlanTotals = Omit<PlanLine, "id" | "nameKk" | "nameRu">;

export interface ReferralOutcomeLine extends Named {
  id: number;
  /** Hires of the month recorded by the centre's staff. */
  hiredByStaff: number;
  /** Hires of the month recorded by the contractor's representative. */
  hiredByContractor: number;
  /** Referrals without an outcome REFERRAL_WITHOUT_OUTCOME_DAYS after them, at the month's end. */
  waiting: number;
}

export interface MonthlyReport {
  month: ReportMonth;
  contractors: ContractorLine[];
  kinds: KindLine[];
  projects: ProjectLine[];
  jobs: {
    jobsCreated: number;
    workDone: number;
    hiredThroughReferrals: number;
    averageWage: number | null;
    /** Hires through referrals against all jobs created in the month, percent (aim: CENTRE_HIRING_SHARE_AIM). */
    centreShare: number | null;
  };
  districts: QuotaLine[];
  /** How the referrals ended, by district: hires recorded by staff and by the contractor, referrals still waiting. */
  referralOutcomes: ReferralOutcomeLine[];
  /** The same by region: the country report's chart. */
  regionQuotas: QuotaLine[];
  commissioned: CommissionedLine[];
  regions: PlanLine[];
  /** Sums of the sections, computed once for the tables' totals rows and the summary. */
  totals: {
    kinds: { started: number; finished: number; inProgress: number };
    quota: QuotaTotals;
    plan: PlanTotals;
    outcomes: { hiredByStaff: number; hiredByContractor: number; waiting: number };
  };
}
