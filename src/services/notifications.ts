// The notification outbox: a message to a person caused by someone else's action is written in
// the transaction of that action, with the pg-boss job that will send it.
import type { Prisma } from "../generated/prisma/client.js";
import type { Transaction } from "../db/store.js";
import { q } from "../db/typed.js";

export const NOTIFICATION_KINDS = [
  "referred",
  "rejected",
  "hired",
  "project_match",
  "invitation_used",
  "staff_removed",
  "monthly_report",
  "figures_missing",
  "loan_reminder",
  "registration_moved",
  "registration_received",
  "registration_moved_centre",
  "follow_up",
  "contractor_joined",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What a notification needs to be rendered at send time, in the person's language of that moment. */
export type NotificationPayload = Record<string, string | number | null>;

export interface NotificationInput {
  userId: number;
  kind: NotificationKind;
  payload: NotificationPayload;
  /** One event, one message: a second write with the same key is ignored. */
  eventKey: string;
}

/** A notification as it is sent: its row and its person's. */
export type NotificationToSend = Prisma.NotificationGetPayload<{ include: { user: true } }>;

/** Puts the sending job into the caller's transaction (pg-boss in production). */
export interface Outbox {
  enqueue(tx: Transaction, notificationId: number): Promise<void>;
}

/** Writes the notification and its job in the transaction `tx`; false when the event was already announced. */
export async function notify(tx: Transaction, outbox: Outbox, input: NotificationInput): Promise<boolean> {
  const rows = await tx.all(
    q
      .insertInto("Notification")
      .values({
        eventKey: input.eventKey,
        userId: input.userId,
        kind: input.kind,
        payload: JSON.stringify(input.payload),
      })
      .onConflict((c) => c.column("eventKey").doNothing())
      .returning("id"),
  );
  if (rows.length === 0) return false;
  await outbox.enqueue(tx, rows[0]!.id);
  return true;
}
