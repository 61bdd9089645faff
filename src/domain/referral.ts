// What staff may do with an application in each status, and how referrals are numbered.

/**
 * 002, quota: an active referral takes a place of its position until it ends; hired people keep it.
 * The database keeps Position.taken by these statuses (trigger "Application_taken", migration
 * 20261123020000_position_taken); test/integration/position-taken.test.ts holds the two together.
 */
export const PLACE_TAKING_STATUSES = ["referred", "hired"] as const;

export type StaffAction = "refer" | "reject" | "hire" | "no_show";
type Status = "submitted" | "referred" | "rejected" | "hired" | "no_show" | "withdrawn";

/** An application is referred from "submitted"; hired or not shown up once referred; rejected before hiring. */
export const ACTION_FROM: Record<StaffAction, readonly Status[]> = {
  refer: ["submitted"],
  reject: ["submitted", "referred"],
  hire: ["referred"],
  no_show: ["referred"],
};

export const ACTION_TO: Record<StaffAction, Status> = {
  refer: "referred",
  reject: "rejected",
  hire: "hired",
  no_show: "no_show",
};

/** Who records an outcome: the centre's staff, or the representative of the project's contractor. */
export type RecorderRole = "staff" | "contractor";

/** A contractor records only what became of a referral: hired, did not come, not hired. */
export const CONTRACTOR_ACTIONS: readonly StaffAction[] = ["hire", "no_show", "reject"];

/**
 * Staff correct a contractor's record: an outcome the contractor recorded may be replaced by
 * another outcome (a hire recorded by mistake, a "did not come" that did come).
 */
const CORRECTED_FROM: Partial<Record<StaffAction, readonly Status[]>> = {
  hire: ["no_show", "rejected"],
  no_show: ["hired", "rejected"],
  reject: ["hired", "no_show"],
};

export function canDo(
  action: StaffAction,
  status: Status,
  who: { role: RecorderRole; outcomeBy?: RecorderRole | "admin" | null } = { role: "staff" },
): boolean {
  if (who.role === "contractor") return CONTRACTOR_ACTIONS.includes(action) && status === "referred";
  if (ACTION_FROM[action].includes(status)) return true;
  return who.outcomeBy === "contractor" && (CORRECTED_FROM[action]?.includes(status) ?? false);
}

/** The digits a referral number's sequence is padded to (longer ones are kept whole). */
export const REFERRAL_SEQUENCE_DIGITS = 6;

/** What a referral number of this region and year starts with: "ALM-2021-". */
export function referralNumberPrefix(regionCode: string, year: number): string {
  return `${regionCode}-${year}-`;
}

/** A referral number, unique per region and year: ALM-2021-000123. */
export function referralNumber(regionCode: string, year: number, sequence: number): string {
  return referralNumberPrefix(regionCode, year) + String(sequence).padStart(REFERRAL_SEQUENCE_DIGITS, "0");
}

export const REJECT_REASONS = ["requirements", "did_not_come", "position_filled", "other"] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];
