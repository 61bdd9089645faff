import {
  COMMISSIONED_JOBS_PERCENT,
  COMMISSIONED_SMALL_STAFF,
  COMMISSIONED_SMALL_STAFF_MINIMUM,
  REFERRAL_QUOTA_PERCENT,
} from "./rules.js";

/** Jobs reserved for referred people: the quota percent of the project's jobs, rounded up. */
export function referralQuota(jobs: number, percent: number = REFERRAL_QUOTA_PERCENT): number {
  if (!Number.isInteger(jobs) || jobs < 0) throw new RangeError(`jobs must be a whole number ≥ 0, got ${jobs}`);
  return Math.ceil((jobs * percent) / 100);
}

/** Permanent jobs of a commissioned object that the centre fills: 15 %, at least one when staff < 6. */
export function commissionedJobsForCentre(permanentJobs: number): number {
  if (permanentJobs <= 0) return 0;
  const share = Math.ceil((permanentJobs * COMMISSIONED_JOBS_PERCENT) / 100);
  return permanentJobs < COMMISSIONED_SMALL_STAFF ? Math.max(share, COMMISSIONED_SMALL_STAFF_MINIMUM) : share;
}
