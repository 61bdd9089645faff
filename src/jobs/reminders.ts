// Reminders of a borrower's obligations, as delayed pg-boss jobs.
import type PgBoss from "pg-boss";
import type { Db } from "../db/client.js";
import { obligationPlans, type ObligationSeries } from "../domain/obligations.js";
import type { Logger } from "../logger.js";
import { obligationById, type ReminderJobIds } from "../services/obligations.js";
import { REMINDER_QUEUE } from "./boss.js";
import { notify, type Outbox } from "../services/notifications.js";

export interface ReminderJob {
  obligationId: number;
  series: ObligationSeries;
  stage: number;
}

export interface ReminderScheduler {
  /** Schedules the reminders still ahead of `now`; returns their job ids by series. */
  schedule(obligation: { id: number; receivedOn: Date }, now: Date): Promise<ReminderJobIds>;
  cancel(jobIds: string[]): Promise<void>;
}

export function createReminderScheduler(boss: () => Promise<PgBoss>): ReminderScheduler {
  return {
    async schedule(obligation, now) {
      const queue = await boss();
      const ids: ReminderJobIds = {};
      for (const plan of obligationPlans(obligation.receivedOn)) {
        ids[plan.series] = [];
        for (const [stage, at] of plan.reminders.entries()) {
          if (at <= now) continue;
          const data: ReminderJob = { obligationId: obligation.id, series: plan.series, stage };
          const id = await queue.send(REMINDER_QUEUE, data, {
            startAfter: at, retryLimit: 5, retryBackoff: true, singletonKey: `${obligation.id}:${plan.series}:${stage}`,
          });
          if (id) ids[plan.series]!.push(id);
        }
      }
      return ids;
    },
    async cancel(jobIds) {
      if (jobIds.length) await (await boss()).cancel(REMINDER_QUEUE, jobIds);
    },
  };
}

export interface ReminderDeps {
  db: Db;
  outbox: Outbox;
  log: Logger;
}

/**
 * A due reminder becomes a notification of the outbox (its pace, its retries, a blocked bot marked
 * there), unless its obligation was done or deleted meanwhile; once per reminder, however often
 * the job runs.
 */
export async function deliverReminder(deps: ReminderDeps, job: ReminderJob): Promise<"queued" | "skipped"> {
  const obligation = await obligationById(deps.db, job.obligationId);
  const done = job.series === "targeted_use" ? obligation?.targetedUseDoneAt : obligation?.jobsDoneAt;
  if (!obligation || done) return "skipped";
  const queued = await deps.db.$transaction((tx) => notify(tx, deps.outbox, {
    userId: obligation.userId, kind: "loan_reminder", payload: { obligationId: obligation.id, series: job.series },
    eventKey: `loan:${obligation.id}:${job.series}:${job.stage}`,
  }));
  return queued ? "queued" : "skipped";
}

export async function startReminderWorker(boss: PgBoss, deps: ReminderDeps): Promise<string> {
  return boss.work<ReminderJob>(REMINDER_QUEUE, { pollingIntervalSeconds: 2 }, async (jobs) => {
    for (const job of jobs) {
      const outcome = await deliverReminder(deps, job.data);
      deps.log.info({ job: job.id, outcome }, "loan reminder");
    }
  });
}
