// The two obligations after a programme loan, and when to remind of each (rules.ts: LOAN, OBLIGATION_REMINDERS).
import { LOAN } from "./rules.js";
import { OBLIGATION_REMINDERS } from "./policies.js";

export const OBLIGATION_SERIES = ["targeted_use", "jobs"] as const;
export type ObligationSeries = (typeof OBLIGATION_SERIES)[number];

export interface ObligationPlan {
  series: ObligationSeries;
  dueOn: Date;
  reminders: Date[]; // every reminder, past ones included
}

const addDays = (day: Date, days: number) =>
  new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + days));
/** Same day of a later month; the 31st falls back to the month's last day. */
export function addMonths(day: Date, months: number): Date {
  const target = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(day.getUTCDate(), lastDay)));
}
const atReminderHour = (day: Date) => new Date(day.getTime() + OBLIGATION_REMINDERS.hourUtc * 3_600_000);

export function obligationPlans(receivedOn: Date): ObligationPlan[] {
  return [
    {
      series: "targeted_use",
      dueOn: addDays(receivedOn, LOAN.targetedUseConfirmationDays),
      reminders: OBLIGATION_REMINDERS.targetedUseDays.map((days) => atReminderHour(addDays(receivedOn, days))),
    },
    {
      series: "jobs",
      dueOn: addMonths(receivedOn, LOAN.jobConfirmationMonths),
      reminders: OBLIGATION_REMINDERS.jobsMonths.map((months) => atReminderHour(addMonths(receivedOn, months))),
    },
  ];
}
