// A conversation left unanswered holds what the person typed (sealed, but still there): after
// CONVERSATION_KEPT_HOURS it is dropped, and only the fact that there was one is kept, so that the
// person who comes back is told to start again rather than finding their answers gone unexplained.
import { sql } from "kysely";
import type { Store } from "../db/store.js";
import { q } from "../db/typed.js";
import { CONVERSATION_KEPT_HOURS } from "../domain/retention.js";

/** The JSON operator `?` (has the key): Kysely has no builder of its own for it. */
const hasExpiryMark = sql<boolean>`value ? 'expiredAt'`;

/** Replaces every conversation untouched for CONVERSATION_KEPT_HOURS by the mark of its expiry; returns how many. */
export async function expireConversations(store: Store, prefix: string, now: Date): Promise<number> {
  const before = new Date(now.getTime() - CONVERSATION_KEPT_HOURS * 3_600_000);
  return store.run(
    q
      .updateTable("Session")
      .set({ value: JSON.stringify({ expiredAt: now.toISOString() }), updatedAt: now })
      .where("key", "like", `${prefix}:%`)
      .where("updatedAt", "<", before)
      .where(sql<boolean>`not (${hasExpiryMark})`),
  );
}

/** Once the person was told, the mark goes too. */
export async function forgetExpiredConversation(store: Store, key: string): Promise<void> {
  await store.run(q.deleteFrom("Session").where("key", "=", key).where(hasExpiryMark));
}
