// Reminders of a borrower's obligations, as delayed pg-boss jobs.
import type PgBoss from "pg-boss";
import { obligationPlans, type ObligationSeries } from "../domain/obligations.js";
import type { Logger } from "../logger.js";
import type { ReminderJobIds, ReminderScheduler } from "../services/obligations.js";

export type { ReminderScheduler } from "../services/obligations.js";
import type { Services } from "../services/index.js";
import { REMINDER_QUEUE } from "./boss.js";

export interface ReminderJob {
  obligationId: number;
  series: ObligationSeries;
  stage: number;
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
            startAfter: at,
            retryLimit: 5,
            retryBackoff: true,
            singletonKey: `${obligation.id}:${plan.series}:${stage}`,
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
  services: Pick<Services, "loans">;
  log: Logger;
}

export const deliverReminder = (deps: ReminderDeps, job: ReminderJob) => deps.services.loans.queueLoanReminder(job);

export async function startReminderWorker(boss: PgBoss, deps: ReminderDeps): Promise<string> {
  return boss.work<ReminderJob>(REMINDER_QUEUE, { pollingIntervalSeconds: 2 }, async (jobs) => {
    for (const job of jobs) {
      const outcome = await deliverReminder(deps, job.data);
      deps.log.info({ job: job.id, outcome }, "loan reminder");
    }
  });
}
