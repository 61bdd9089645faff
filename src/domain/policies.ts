// The bot's own policies (not the programme's numbers, which are in rules.ts): how it reminds,
// retries and bounds what people type.

/**
 * When the bot reminds a borrower of the two obligations of LOAN (the reminder days are the
 * bot's policy, chosen ahead of each deadline): targeted use on days 60, 80 and 89 before the
 * 90-day deadline; the jobs at months 18, 22 and 23 before the 24-month deadline.
 */
export const OBLIGATION_REMINDERS = {
  targetedUseDays: [60, 80, 89],
  jobsMonths: [18, 22, 23],
  /** 09:00 in Kazakhstan (UTC+5). */
  hourUtc: 4,
} as const;

/** A sanity bound for "jobs promised" typed by a person. */
export const MAX_JOBS_PROMISED = 10_000;

/**
 * The notification outbox's patience (the bot's policy, not the programme's): a message is tried
 * at most 8 times, the retries 5 s apart and doubling; Telegram's own retry_after wins when given.
 */
export const OUTBOX_RETRY = { maxAttempts: 8, firstDelaySeconds: 5 } as const;

/** A staff invitation link works once, for 72 hours. */
export const INVITATION_TTL_HOURS = 72;

/** What staff may type for a project or a hire (chat and desk alike): counts of jobs up to this. */
export const STAFF_COUNT_MAX = 100_000;

/** A staff member's note on a rejection ("another reason"), in characters. */
export const REJECT_NOTE_LENGTH = { min: 3, max: 300 } as const;

/** A job seeker is asked how their referral went this many working days after it, once, when nobody has recorded an outcome. */
export const FOLLOW_UP_WORKING_DAYS = 3;

/** A referral without an outcome this many days after it is on the staff's worklist and in the monthly report. */
export const REFERRAL_WITHOUT_OUTCOME_DAYS = 10;

/** A contractor's representative's invitation link works once, for 72 hours (as a staff member's). */
export const CONTRACTOR_INVITATION_TTL_HOURS = INVITATION_TTL_HOURS;
