// Reminders of a borrower's obligations, as delayed pg-boss jobs.
import type { Api } from "grammy";
import type { i18n } from "i18next";
import type PgBoss from "pg-boss";
import type { Db } from "../db/client.js";
import { obligationPlans, type ObligationSeries } from "../domain/obligations.js";
import type { Logger } from "../logger.js";
import type { ReminderJobIds } from "../services/obligations.js";
import { REMINDER_QUEUE } from "./boss.js";
import { reminderMessage } from "../bot/obligation-messages.js";

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
  api: Api;
  i18n: i18n;
  log: Logger;
}

/** Sends one reminder unless its obligation was done or deleted meanwhile. */
export async function deliverReminder(deps: ReminderDeps, job: ReminderJob): Promise<"sent" | "skipped"> {
  const obligation = await deps.db.loanObligation.findUnique({ where: { id: job.obligationId }, include: { user: true } });
  const done = job.series === "targeted_use" ? obligation?.targetedUseDoneAt : obligation?.jobsDoneAt;
  if (!obligation || done) return "skipped";
  const { text, keyboard } = reminderMessage(deps.i18n.getFixedT(obligation.user.language ?? "ru"), obligation, job.series);
  await deps.api.sendMessage(Number(obligation.user.telegramId), text, { reply_markup: keyboard });
  return "sent";
}

export async function startReminderWorker(boss: PgBoss, deps: ReminderDeps): Promise<string> {
  return boss.work<ReminderJob>(REMINDER_QUEUE, { pollingIntervalSeconds: 2 }, async (jobs) => {
    for (const job of jobs) {
      const outcome = await deliverReminder(deps, job.data); // a Telegram error throws: pg-boss retries
      deps.log.info({ job: job.id, outcome }, "loan reminder");
    }
  });
}
