// The outbox's two ends: the job written inside the change's transaction, and the worker that
// sends it once. A row lock on the notification keeps two workers from sending the same one.
import { GrammyError, type Api } from "grammy";
import type { i18n } from "i18next";
import type PgBoss from "pg-boss";
import type { Db } from "../db/client.js";
import { OUTBOX_RETRY } from "../domain/policies.js";
import type { Logger } from "../logger.js";
import type { Outbox, Transaction } from "../services/notifications.js";
import { isPgTransaction } from "../db/reads.js";
import { renderNotification, type RenderedMessage } from "../bot/notification-messages.js";
import { sendFile } from "../bot/reports/report-bundle.js";
import { CHAT_MESSAGE_INTERVAL_MS, DEFAULT_OUTBOX_RATE } from "../domain/telegram-limits.js";
import { holdBack, reserveBotSlot, reserveSlot } from "../services/delivery-pace.js";
import { SUBJECT_GONE } from "../services/undelivered.js";
import { setTimeout as sleep } from "node:timers/promises";
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
  /** Messages a second for all instances together (OUTBOX_RATE). */
  rate?: number;
}

export type DeliveryOutcome = "sent" | "skipped" | "blocked" | "gone" | "gave_up" | { retryAfterSeconds: number } | { failed: string };

const failed = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 500);
const secondsUntil = (moment: Date) => Math.max(1, Math.ceil((moment.getTime() - Date.now()) / 1000));

/**
 * Waits for the moment reserved. Woken later than a gap past it (the process was busy), it takes the
 * next free moment instead: messages that all woke late would otherwise go out in one burst.
 */
async function waitForMoment(db: Db, reserved: Date, rate: number): Promise<void> {
  const lateAfterMs = Math.max(50, 1000 / rate);
  let at = reserved;
  for (let tries = 0; tries < 5; tries++) {
    await sleep(Math.max(0, at.getTime() - Date.now()));
    if (Date.now() - at.getTime() <= lateAfterMs) return;
    at = await reserveBotSlot(db, rate);
  }
}

/** The message's parts in order: its text, then its files (the monthly report's chart and tables). */
function parts(api: Api, chatId: number, message: RenderedMessage): Array<() => Promise<unknown>> {
  return [() => api.sendMessage(chatId, message.text, { reply_markup: message.keyboard }), ...(message.files ?? []).map((file) => () => sendFile(api, chatId, file))];
}

/**
 * Sends one notification unless it was sent, given up, or is being sent by another worker right now.
 * It first reserves its moment (delivery-pace.ts) and waits for it; a chat that had a message less
 * than a second ago is tried again when it is free. A 429 holds every instance back for Telegram's
 * retry_after and is no failed attempt. Of a message with files, each part is sent once: a retry
 * goes on from the first part not sent.
 */
export async function deliverNotification(deps: OutboxDeps, notificationId: number): Promise<DeliveryOutcome> {
  const waiting = await deps.db.notification.findUnique({
    where: { id: notificationId }, select: { userId: true, sentAt: true, failedAt: true, user: { select: { blockedAt: true } } },
  });
  if (!waiting || waiting.sentAt || waiting.failedAt) return "skipped";
  if (!waiting.user.blockedAt) { // a blocked chat is given up below, with no call to Telegram
    const rate = deps.rate ?? DEFAULT_OUTBOX_RATE;
    const slot = await reserveSlot(deps.db, waiting.userId, rate);
    if ("chatBusyUntil" in slot) return { retryAfterSeconds: secondsUntil(slot.chatBusyUntil) };
    await waitForMoment(deps.db, slot.at, rate);
  }

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
    if (!message) return giveUp("gone", SUBJECT_GONE);
    const steps = parts(deps.api, Number(notification.user.telegramId), message);
    let sent = notification.partsSent;
    try {
      for (; sent < steps.length; sent++) {
        if (sent > notification.partsSent) await sleep(CHAT_MESSAGE_INTERVAL_MS); // one chat: about a message a second
        await steps[sent]!();
      }
      await tx.notification.update({ where: { id: notificationId }, data: { sentAt: new Date(), partsSent: sent, attempts: notification.attempts + 1 } });
      return "sent";
    } catch (error) {
      if (error instanceof GrammyError && error.error_code === 429) {
        const retryAfter = error.parameters.retry_after ?? 1;
        await holdBack(deps.db, retryAfter);
        await tx.notification.update({ where: { id: notificationId }, data: { partsSent: sent, lastError: failed(error) } });
        return { retryAfterSeconds: retryAfter };
      }
      if (error instanceof GrammyError && error.error_code === 403) {
        await tx.user.update({ where: { id: notification.userId }, data: { blockedAt: new Date() } });
        await tx.notification.update({ where: { id: notificationId }, data: { partsSent: sent } });
        return giveUp("blocked", failed(error));
      }
      const attempts = notification.attempts + 1;
      await tx.notification.update({ where: { id: notificationId }, data: { attempts, partsSent: sent } });
      // Another 4xx (chat not found, bad request) will not get better by waiting.
      const hopeless = error instanceof GrammyError && error.error_code >= 400 && error.error_code < 500;
      if (hopeless || attempts >= OUTBOX_RETRY.maxAttempts) return giveUp("gave_up", failed(error));
      await tx.notification.update({ where: { id: notificationId }, data: { lastError: failed(error) } });
      return { failed: failed(error) };
    }
  }, { timeout: 60_000 });
}

/** One job: a retry_after (Telegram's, or a busy chat's) becomes a new job due after it; the outcome says what happened. */
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
