// The monthly monitoring report's calendar and its definitions. Rules: "Monitoring and reports"
// in ../shared/PROGRAMME.md (002: regions report the month by the 10th of the next month).
import { MONTHLY_REPORT_DAY, PROGRAMME_START } from "./rules.js";

/** The bot sends the previous month's report to centres and admins on the 1st (issue 6)… */
export const REPORT_SEND_DAY = 1;
/** …and on the 8th reminds centres of projects without figures, two days before MONTHLY_REPORT_DAY. */
export const FIGURES_REMINDER_DAY = MONTHLY_REPORT_DAY - 2;
/** Both at 09:00 in Kazakhstan. */
export const REPORT_TIME_ZONE = "Asia/Almaty";
export const REPORT_HOUR = 9;

export interface MonthlySchedule {
  reportCron: string;
  reminderCron: string;
}

export const DEFAULT_MONTHLY_SCHEDULE: MonthlySchedule = {
  reportCron: `0 ${REPORT_HOUR} ${REPORT_SEND_DAY} * *`,
  reminderCron: `0 ${REPORT_HOUR} ${FIGURES_REMINDER_DAY} * *`,
};

/** Kazakhstan's time (UTC+5 since 1 March 2024, the whole country): the calendar month of a moment. */
export const KAZAKHSTAN_OFFSET_HOURS = 5;

export interface ReportMonth {
  /** "2021-05" */
  key: string;
  year: number;
  /** 1–12 */
  month: number;
  /** First day of the month, 00:00 UTC (dates are stored as UTC days). */
  start: Date;
  /** First day of the next month: the month is [start, end). */
  end: Date;
  /** 1 January of the month's year: the plan figures count from there. */
  yearStart: Date;
}

export function reportMonth(year: number, month: number): ReportMonth {
  const start = new Date(Date.UTC(year, month - 1, 1));
  return {
    key: `${year}-${String(month).padStart(2, "0")}`,
    year,
    month,
    start,
    end: new Date(Date.UTC(year, month, 1)),
    yearStart: new Date(Date.UTC(year, 0, 1)),
  };
}

/** "2021-05" → that month; null for anything else, or a month before the programme. */
export function parseReportMonth(key: string): ReportMonth | null {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
  if (!match) return null;
  const month = reportMonth(Number(match[1]), Number(match[2]));
  return month.end > new Date(`${PROGRAMME_START}T00:00:00Z`) ? month : null;
}

/** The calendar day `now` falls on in Kazakhstan, "2021-05-31". */
export const kazakhstanDay = (now: Date) =>
  new Date(now.getTime() + KAZAKHSTAN_OFFSET_HOURS * 3_600_000).toISOString().slice(0, 10);

/** The calendar month `now` falls in, in Kazakhstan. */
export function monthOf(now: Date): ReportMonth {
  const local = new Date(now.getTime() + KAZAKHSTAN_OFFSET_HOURS * 3_600_000);
  return reportMonth(local.getUTCFullYear(), local.getUTCMonth() + 1);
}

/** The month before the one `now` falls in (the month a report on the 1st is about). */
export function previousMonth(now: Date): ReportMonth {
  const current = monthOf(now);
  return current.month === 1 ? reportMonth(current.year - 1, 12) : reportMonth(current.year, current.month - 1);
}

/** The first year a report can be asked for. */
export const FIRST_REPORT_YEAR = Number(PROGRAMME_START.slice(0, 4));

/** part / whole as a percent with one decimal; null when there is nothing to compare with. */
export function percentOf(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}
