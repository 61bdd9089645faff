// The monthly schedule on pg-boss: the report on the 1st, the figures reminder on the 8th
// (src/services/monthly-notices.ts). pg-boss fires a schedule once across instances.
import type PgBoss from "pg-boss";
import { DEFAULT_MONTHLY_SCHEDULE, REPORT_TIME_ZONE, type MonthlySchedule } from "../domain/report.js";
import type { Logger } from "../logger.js";
import type { Services } from "../services/index.js";
import { FIGURES_REMINDER_QUEUE, MONTHLY_REPORT_QUEUE } from "./boss.js";

export interface MonthlyDeps {
  services: Pick<Services, "reports">;
  log: Logger;
  now: () => Date;
}

export const queueMonthlyReports = (deps: MonthlyDeps) => deps.services.reports.queueMonthlyReports(deps.now());
export const queueFiguresReminders = (deps: MonthlyDeps) => deps.services.reports.queueFiguresReminders(deps.now());

export async function startMonthlyJobs(
  boss: PgBoss,
  deps: MonthlyDeps,
  schedule: MonthlySchedule = DEFAULT_MONTHLY_SCHEDULE,
): Promise<void> {
  await boss.schedule(MONTHLY_REPORT_QUEUE, schedule.reportCron, {}, { tz: REPORT_TIME_ZONE });
  await boss.schedule(FIGURES_REMINDER_QUEUE, schedule.reminderCron, {}, { tz: REPORT_TIME_ZONE });
  const worker = (queue: string, run: (deps: MonthlyDeps) => Promise<number>) =>
    boss.work(queue, { pollingIntervalSeconds: 2 }, async (jobs) => {
      for (const job of jobs) deps.log.info({ job: job.id, queue, notifications: await run(deps) }, "monthly job");
    });
  await worker(MONTHLY_REPORT_QUEUE, queueMonthlyReports);
  await worker(FIGURES_REMINDER_QUEUE, queueFiguresReminders);
}
