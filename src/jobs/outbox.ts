// The outbox's two ends: the job written inside the change's transaction, and the worker that
// sends it once. A row lock on the notification keeps two workers from sending the same one.
import type PgBoss from "pg-boss";
import type { Logger } from "../logger.js";
import type { Transaction } from "../db/store.js";
import type { Outbox } from "../services/notifications.js";
import type { DeliveryOutcome, Sender } from "../services/delivery.js";
import type { Services } from "../services/index.js";
import { DEFAULT_OUTBOX_RATE } from "../domain/telegram-limits.js";
import { NOTIFY_QUEUE } from "./boss.js";

export type { DeliveryOutcome } from "../services/delivery.js";

export interface NotifyJob {
  notificationId: number;
}

/** pg-boss's SQL run on the change's transaction, so that the job commits or rolls back with it. */
function onTransaction(tx: Transaction) {
  return { executeSql: async (text: string, values: unknown[] = []) => ({ rows: await tx.query(text, values) }) };
}

export function createOutbox(boss: () => Promise<PgBoss>): Outbox {
  return {
    async enqueue(tx, notificationId) {
      const data: NotifyJob = { notificationId };
      await (await boss()).send(NOTIFY_QUEUE, data, { db: onTransaction(tx) });
    },
  };
}

export interface OutboxDeps {
  services: Pick<Services, "delivery">;
  /** How a notification becomes Telegram messages, and what Telegram's errors mean (the chat's, src/bot/notification-sender.ts). */
  sender: Sender;
  log: Logger;
  /** Messages a second for all instances together (OUTBOX_RATE). */
  rate?: number;
}

export const deliverNotification = (deps: OutboxDeps, notificationId: number): Promise<DeliveryOutcome> =>
  deps.services.delivery.deliverNotification(deps.sender, notificationId, deps.rate ?? DEFAULT_OUTBOX_RATE);

/** One job: a retry_after (Telegram's, or a busy chat's) becomes a new job due after it; the outcome says what happened. */
export async function processNotifyJob(
  boss: PgBoss,
  deps: OutboxDeps,
  job: PgBoss.Job<NotifyJob>,
): Promise<DeliveryOutcome> {
  const outcome = await deliverNotification(deps, job.data.notificationId);
  deps.log.info({ job: job.id, notification: job.data.notificationId, outcome }, "notification");
  if (typeof outcome === "object" && "retryAfterSeconds" in outcome)
    await boss.send(NOTIFY_QUEUE, job.data, { startAfter: outcome.retryAfterSeconds });
  return outcome;
}

/**
 * At start-up: a job for every notification not yet sent nor given up. A process killed while
 * sending leaves its job active until pg-boss expires it (a minute); this sends it now. A job for
 * a notification that another job sends too is harmless: the row lock and sentAt let one through.
 */
export async function requeueUnsent(boss: PgBoss, services: Pick<Services, "delivery">): Promise<number> {
  const unsent = await services.delivery.unsentNotificationIds();
  if (unsent.length)
    await boss.insert(unsent.map((id) => ({ name: NOTIFY_QUEUE, data: { notificationId: id } satisfies NotifyJob })));
  return unsent.length;
}

/**
 * pg-boss waits its polling interval (at least half a second) between fetches whatever it found:
 * a large batch keeps a long queue moving. Its jobs are sent a few at a time, each at the moment it
 * reserved, so that Telegram's answer time overlaps the next one's wait.
 */
const NOTIFY_BATCH = 50;
const SENT_AT_ONCE = 8;

/** The worker: a failure throws, so that pg-boss retries the batch with backoff (the sent ones are then skipped). */
export async function startNotificationWorker(boss: PgBoss, deps: OutboxDeps): Promise<string> {
  return boss.work<NotifyJob>(NOTIFY_QUEUE, { pollingIntervalSeconds: 0.5, batchSize: NOTIFY_BATCH }, async (jobs) => {
    const failures: string[] = [];
    const queue = [...jobs];
    const sender = async () => {
      for (let job = queue.shift(); job; job = queue.shift()) {
        const outcome = await processNotifyJob(boss, deps, job);
        if (typeof outcome === "object" && "failed" in outcome) failures.push(outcome.failed);
      }
    };
    await Promise.all(Array.from({ length: SENT_AT_ONCE }, sender));
    if (failures.length) throw new Error(failures.join("; "));
  });
}
