// The outbox's two ends: the job written inside the change's transaction, and the worker that
// sends it once. A row lock on the notification keeps two workers from sending the same one.
import { GrammyError, type Api } from "grammy";
import type { i18n } from "i18next";
import type PgBoss from "pg-boss";
import type { Db } from "../db/client.js";
import { OUTBOX_RETRY } from "../domain/rules.js";
import type { Logger } from "../logger.js";
import type { Outbox, Transaction } from "../services/notifications.js";
import { isPgTransaction } from "../db/reads.js";
import { renderNotification } from "../bot/notification-messages.js";
import { sendFiles } from "../bot/reports/report-bundle.js";
import { NOTIFY_QUEUE } from "./boss.js";

export interface NotifyJob {
  notificationId: number;
}

/** pg-boss's SQL run on the change's transaction, so that the job commits or rolls back with it. */
function onTransaction(tx: Transaction) {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      const params = values.map((value) => (value === undefined ? null : typeof value === "object" && value !== null && !(value instanceof Date) ? JSON.stringify(value) : value));
      if (isPgTransaction(tx)) return { rows: (await tx.connection.query(text, params)).rows };
      return { rows: await tx.$queryRawUnsafe<unknown[]>(text, ...params) };
    },
  };
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
  db: Db;
  /** An Api without auto-retry: the outbox does its own retrying. */
  api: Api;
  i18n: i18n;
  log: Logger;
}

export type DeliveryOutcome = "sent" | "skipped" | "blocked" | "gone" | "gave_up" | { retryAfterSeconds: number } | { failed: string };

const failed = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 500);

/** Sends one notification unless it was sent, given up, or is being sent by another worker right now. */
export async function deliverNotification(deps: OutboxDeps, notificationId: number): Promise<DeliveryOutcome> {
  return deps.db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<Array<{ id: number }>>`
      select id from "Notification" where id = ${notificationId} and "sentAt" is null and "failedAt" is null
      for update skip locked`;
    if (locked.length === 0) return "skipped";
    const notification = await tx.notification.findUniqueOrThrow({ where: { id: notificationId }, include: { user: true } });
    const giveUp = async <T extends DeliveryOutcome>(outcome: T, reason: string): Promise<T> => {
      await tx.notification.update({ where: { id: notificationId }, data: { failedAt: new Date(), lastError: reason } });
      return outcome;
    };
    if (notification.user.blockedAt) return giveUp("blocked", "blocked");
    const message = await renderNotification(tx, deps.i18n, notification);
    if (!message) return giveUp("gone", "its subject no longer exists");
    const attempts = notification.attempts + 1;
    try {
      const chatId = Number(notification.user.telegramId);
      await deps.api.sendMessage(chatId, message.text, { reply_markup: message.keyboard });
      // A failure among the files sends the whole message again on the retry: better twice than never.
      await sendFiles(deps.api, chatId, message.files ?? []);
      await tx.notification.update({ where: { id: notificationId }, data: { sentAt: new Date(), attempts } });
      return "sent";
    } catch (error) {
      if (error instanceof GrammyError && error.error_code === 403) {
        await tx.user.update({ where: { id: notification.userId }, data: { blockedAt: new Date() } });
        return giveUp("blocked", failed(error));
      }
      await tx.notification.update({ where: { id: notificationId }, data: { attempts } });
      // Another 4xx (chat not found, bad request) will not get better by waiting.
      const hopeless = error instanceof GrammyError && error.error_code >= 400 && error.error_code < 500 && error.error_code !== 429;
      if (hopeless || attempts >= OUTBOX_RETRY.maxAttempts) return giveUp("gave_up", failed(error));
      await tx.notification.update({ where: { id: notificationId }, data: { lastError: failed(error) } });
      const retryAfter = error instanceof GrammyError ? error.parameters.retry_after : undefined;
      return retryAfter ? { retryAfterSeconds: retryAfter } : { failed: failed(error) };
    }
  }, { timeout: 30_000 });
}

/** One job: a Telegram retry_after becomes a new job due after it; the outcome says what happened. */
export async function processNotifyJob(boss: PgBoss, deps: OutboxDeps, job: PgBoss.Job<NotifyJob>): Promise<DeliveryOutcome> {
  const outcome = await deliverNotification(deps, job.data.notificationId);
  deps.log.info({ job: job.id, notification: job.data.notificationId, outcome }, "notification");
  if (typeof outcome === "object" && "retryAfterSeconds" in outcome) await boss.send(NOTIFY_QUEUE, job.data, { startAfter: outcome.retryAfterSeconds });
  return outcome;
}

/**
 * At start-up: a job for every notification not yet sent nor given up. A process killed while
 * sending leaves its job active until pg-boss expires it (a minute); this sends it now. A job for
 * a notification that another job sends too is harmless: the row lock and sentAt let one through.
 */
export async function requeueUnsent(boss: PgBoss, db: Db): Promise<number> {
  const unsent = await db.notification.findMany({ where: { sentAt: null, failedAt: null }, select: { id: true }, orderBy: { id: "asc" } });
  if (unsent.length) await boss.insert(unsent.map(({ id }) => ({ name: NOTIFY_QUEUE, data: { notificationId: id } satisfies NotifyJob })));
  return unsent.length;
}

/**
 * pg-boss waits its polling interval between fetches whatever it found: a batch a fetch keeps a
 * queue of many messages moving (20 every half second, under Telegram's 30 a second).
 */
const NOTIFY_BATCH = 20;

/** The worker: a failure throws, so that pg-boss retries the batch with backoff (the sent ones are then skipped). */
export async function startNotificationWorker(boss: PgBoss, deps: OutboxDeps): Promise<string> {
  return boss.work<NotifyJob>(NOTIFY_QUEUE, { pollingIntervalSeconds: 0.5, batchSize: NOTIFY_BATCH }, async (jobs) => {
    const failures: string[] = [];
    for (const job of jobs) {
      const outcome = await processNotifyJob(boss, deps, job);
      if (typeof outcome === "object" && "failed" in outcome) failures.push(outcome.failed);
    }
    if (failures.length) throw new Error(failures.join("; "));
  });
}
