// Notifications the outbox gave up on (Telegram refused them, or they ran out of attempts): admins
// see how many and which, and can send them again. A person who blocked the bot is counted apart:
// sending again would only be refused again, until they write to the bot.
import { q } from "../db/typed.js";
import type { Store } from "../db/store.js";
import { audit } from "./audit.js";
import { assertAdmin } from "./centres.js";
import type { Outbox } from "./notifications.js";

/** Given up because what it was about is gone (an application deleted, an obligation done): not a failure. */
export const SUBJECT_GONE = "its subject no longer exists";
export const UNDELIVERED_SHOWN = 10;

const givenUpWhere = { failedAt: { not: null }, NOT: { lastError: SUBJECT_GONE } } as const;

export async function undelivered(store: Store) {
  const [total, blocked, items] = await Promise.all([
    store.db.notification.count({ where: givenUpWhere }),
    store.db.notification.count({ where: { ...givenUpWhere, user: { blockedAt: { not: null } } } }),
    store.db.notification.findMany({
      where: givenUpWhere,
      orderBy: [{ failedAt: "desc" }, { id: "desc" }],
      take: UNDELIVERED_SHOWN,
      select: {
        id: true,
        kind: true,
        failedAt: true,
        lastError: true,
        attempts: true,
        user: { select: { telegramId: true, blockedAt: true } },
      },
    }),
  ]);
  return { total, blocked, items };
}

/** Sends again every notification given up whose person has not blocked the bot; returns how many. */
export async function retryUndelivered(store: Store, outbox: Outbox, actorUserId: number, now: Date): Promise<number> {
  await assertAdmin(store, actorUserId);
  return store.transaction(
    async (tx) => {
      const retried = await tx.all(
        q
          .updateTable("Notification as n")
          .set({ failedAt: null, attempts: 0, lastError: null })
          .from("User as u")
          .whereRef("u.id", "=", "n.userId")
          .where("u.blockedAt", "is", null)
          .where("n.failedAt", "is not", null)
          .where("n.lastError", "is distinct from", SUBJECT_GONE)
          .returning("n.id"),
      );
      for (const { id } of retried) await outbox.enqueue(tx, id);
      await audit(tx, {
        actorUserId,
        action: "retry_notifications",
        entity: "Notification",
        entityId: retried.length,
        at: now,
      });
      return retried.length;
    },
    { statementTimeoutMs: 120_000 },
  );
}
