// The monthly schedule on pg-boss: on the 1st the previous month's report goes to every centre's
// staff (their districts) and to the admins (the country); on the 8th centres whose projects lack
// the month's figures are reminded. pg-boss fires a schedule once across instances, and each
// message has an event key, so a second firing would still send nothing twice.
import { staffMemberships } from "../services/centres.js";
import { adminAccounts } from "../services/users.js";
import type PgBoss from "pg-boss";
import type { Db } from "../db/client.js";
import { DEFAULT_MONTHLY_SCHEDULE, previousMonth, REPORT_TIME_ZONE, type MonthlySchedule } from "../domain/report.js";
import type { Logger } from "../logger.js";
import { notify, type NotificationInput, type Outbox } from "../services/notifications.js";
import { missingFigures } from "../services/reports/monthly-figures.js";
import { FIGURES_REMINDER_QUEUE, MONTHLY_REPORT_QUEUE } from "./boss.js";

export interface MonthlyDeps {
  db: Db;
  outbox: Outbox;
  log: Logger;
  now: () => Date;
}

async function notifyAll(deps: MonthlyDeps, inputs: NotificationInput[]): Promise<number> {
  return deps.db.$transaction(async (tx) => {
    let written = 0;
    for (const input of inputs) if (await notify(tx, deps.outbox, input)) written++;
    return written;
  });
}

/** The previous month's report, one message per centre membership and per admin; returns how many were new. */
export async function queueMonthlyReports(deps: MonthlyDeps): Promise<number> {
  const month = previousMonth(deps.now()).key;
  const memberships = await staffMemberships(deps.db);
  const admins = await adminAccounts(deps.db);
  return notifyAll(deps, [
    ...memberships.map((m): NotificationInput => ({
      userId: m.userId, kind: "monthly_report", payload: { month, centreId: m.centreId }, eventKey: `monthly_report:${month}:centre-${m.centreId}:${m.userId}`,
    })),
    ...admins.map((a): NotificationInput => ({
      userId: a.id, kind: "monthly_report", payload: { month, centreId: null }, eventKey: `monthly_report:${month}:kz:${a.id}`,
    })),
  ]);
}

/** The reminder to the staff of every centre with a project under way last month and no figures for it. */
export async function queueFiguresReminders(deps: MonthlyDeps): Promise<number> {
  const month = previousMonth(deps.now());
  const centres = (await missingFigures(deps.db, month)).map((m) => m.centreId);
  const memberships = await staffMemberships(deps.db, centres);
  return notifyAll(deps, memberships.map((m) => ({
    userId: m.userId, kind: "figures_missing", payload: { month: month.key, centreId: m.centreId }, eventKey: `figures_missing:${month.key}:${m.centreId}:${m.userId}`,
  })));
}

export async function startMonthlyJobs(boss: PgBoss, deps: MonthlyDeps, schedule: MonthlySchedule = DEFAULT_MONTHLY_SCHEDULE): Promise<void> {
  await boss.schedule(MONTHLY_REPORT_QUEUE, schedule.reportCron, {}, { tz: REPORT_TIME_ZONE });
  await boss.schedule(FIGURES_REMINDER_QUEUE, schedule.reminderCron, {}, { tz: REPORT_TIME_ZONE });
  const worker = (queue: string, run: (deps: MonthlyDeps) => Promise<number>) =>
    boss.work(queue, { pollingIntervalSeconds: 2 }, async (jobs) => {
      for (const job of jobs) deps.log.info({ job: job.id, queue, notifications: await run(deps) }, "monthly job");
    });
  await worker(MONTHLY_REPORT_QUEUE, queueMonthlyReports);
  await worker(FIGURES_REMINDER_QUEUE, queueFiguresReminders);
}
