// Sending one outbox notification once. A row lock on the notification keeps two workers from
// sending the same one; what is sent and how Telegram's errors read come from the caller (the
// outbox worker in src/jobs/outbox.ts), so that this file knows the database and not the bot.
import type { Updateable } from "kysely";
import { q, type DB } from "../db/typed.js";
import { setTimeout as sleep } from "node:timers/promises";
import type { Store } from "../db/store.js";
import { OUTBOX_RETRY } from "../domain/policies.js";
import { CHAT_MESSAGE_INTERVAL_MS, DEFAULT_OUTBOX_RATE } from "../domain/telegram-limits.js";
import { holdBack, reserveBotSlot, reserveSlot } from "./delivery-pace.js";
import { notificationSubject, type NotificationSubject } from "./notification-subjects.js";
import type { Pii } from "./pii.js";
import type { NotificationToSend } from "./notifications.js";
import { SUBJECT_GONE } from "./undelivered.js";

/** How a failed send reads: Telegram's 429, a bot blocked (403), another 4xx, or anything else. */
export type SendFailure =
  | { kind: "rate_limited"; retryAfterSeconds: number }
  | { kind: "blocked" }
  | { kind: "hopeless" }
  | { kind: "transient" };

export interface Sender {
  /** The message's parts in order (its text, then its files), each sent by calling it. */
  parts(notification: NotificationToSend, subject: NotificationSubject): Promise<Array<() => Promise<unknown>>>;
  classify(error: unknown): SendFailure;
}

export type DeliveryOutcome =
  | "sent"
  | "skipped"
  | "blocked"
  | "gone"
  | "gave_up"
  | { retryAfterSeconds: number }
  | { failed: string };

const failed = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 500);
const secondsUntil = (moment: Date) => Math.max(1, Math.ceil((moment.getTime() - Date.now()) / 1000));

/**
 * Waits for the moment reserved. Woken later than a gap past it (the process was busy), it takes the
 * next free moment instead: messages that all woke late would otherwise go out in one burst.
 */
async function waitForMoment(store: Store, reserved: Date, rate: number): Promise<void> {
  const lateAfterMs = Math.max(50, 1000 / rate);
  let at = reserved;
  for (let tries = 0; tries < 5; tries++) {
    await sleep(Math.max(0, at.getTime() - Date.now()));
    if (Date.now() - at.getTime() <= lateAfterMs) return;
    at = await reserveBotSlot(store, rate);
  }
}

/**
 * Sends one notification unless it was sent, given up, or is being sent by another worker right now.
 * It first reserves its moment (delivery-pace.ts) and waits for it; a chat that had a message less
 * than a second ago is tried again when it is free. A 429 holds every instance back for Telegram's
 * retry_after and is no failed attempt. Of a message with files, each part is sent once: a retry
 * goes on from the first part not sent.
 */
export async function deliverNotification(
  store: Store,
  pii: Pii,
  sender: Sender,
  notificationId: number,
  rate = DEFAULT_OUTBOX_RATE,
): Promise<DeliveryOutcome> {
  const waiting = await store.db.notification.findUnique({ where: { id: notificationId }, include: { user: true } });
  if (!waiting || waiting.sentAt || waiting.failedAt) return "skipped";
  if (!waiting.user.blockedAt) {
    // a blocked chat is given up below, with no call to Telegram
    const slot = await reserveSlot(store, waiting.userId, rate);
    if ("chatBusyUntil" in slot) return { retryAfterSeconds: secondsUntil(slot.chatBusyUntil) };
    await waitForMoment(store, slot.at, rate);
  }
  // Read before the row is locked: a monthly report takes a while to build, and the lock need not wait for it.
  const subject = waiting.user.blockedAt ? null : await notificationSubject(store, pii, waiting);

  return store.transaction(async (tx) => {
    const [locked] = await tx.all(
      q
        .selectFrom("Notification")
        .select(["partsSent", "attempts"])
        .where("id", "=", notificationId)
        .where("sentAt", "is", null)
        .where("failedAt", "is", null)
        .forUpdate()
        .skipLocked(),
    );
    if (!locked) return "skipped";
    const notification = { ...waiting, ...locked };
    const update = (set: Updateable<DB["Notification"]>) =>
      tx.run(q.updateTable("Notification").set(set).where("id", "=", notificationId));
    const giveUp = async <T extends DeliveryOutcome>(outcome: T, reason: string): Promise<T> => {
      await update({ failedAt: new Date(), lastError: reason });
      return outcome;
    };
    if (notification.user.blockedAt) return giveUp("blocked", "blocked");
    if (!subject) return giveUp("gone", SUBJECT_GONE);
    const steps = await sender.parts(notification, subject);
    let sent = notification.partsSent;
    try {
      for (; sent < steps.length; sent++) {
        if (sent > notification.partsSent) await sleep(CHAT_MESSAGE_INTERVAL_MS); // one chat: about a message a second
        await steps[sent]!();
      }
      await update({ sentAt: new Date(), partsSent: sent, attempts: notification.attempts + 1 });
      return "sent";
    } catch (error) {
      const failure = sender.classify(error);
      if (failure.kind === "rate_limited") {
        await holdBack(store, failure.retryAfterSeconds);
        await update({ partsSent: sent, lastError: failed(error) });
        return { retryAfterSeconds: failure.retryAfterSeconds };
      }
      if (failure.kind === "blocked") {
        await tx.run(q.updateTable("User").set({ blockedAt: new Date() }).where("id", "=", notification.userId));
        await update({ partsSent: sent });
        return giveUp("blocked", failed(error));
      }
      const attempts = notification.attempts + 1;
      await update({ attempts, partsSent: sent });
      // Another 4xx (chat not found, bad request) will not get better by waiting.
      if (failure.kind === "hopeless" || attempts >= OUTBOX_RETRY.maxAttempts) return giveUp("gave_up", failed(error));
      await update({ lastError: failed(error) });
      return { failed: failed(error) };
    }
  });
}

/** Notifications neither sent nor given up, oldest first (queued again at start-up). */
export async function unsentNotificationIds(store: Store): Promise<number[]> {
  const unsent = await store.db.notification.findMany({
    where: { sentAt: null, failedAt: null },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return unsent.map(({ id }) => id);
}
