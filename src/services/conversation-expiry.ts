// A conversation left unanswered holds what the person typed (sealed, but still there): after
// CONVERSATION_KEPT_HOURS it is dropped, and only the fact that there was one is kept, so that the
// person who comes back is told to start again rather than finding their answers gone unexplained.
import { Prisma } from "../generated/prisma/client.js";
import type { Store } from "../db/store.js";
import { CONVERSATION_KEPT_HOURS } from "../domain/retention.js";

/** Replaces every conversation untouched for CONVERSATION_KEPT_HOURS by the mark of its expiry; returns how many. */
export async function expireConversations(store: Store, prefix: string, now: Date): Promise<number> {
  const before = new Date(now.getTime() - CONVERSATION_KEPT_HOURS * 3_600_000);
  return store.execute(Prisma.sql`
    update "Session" set value = jsonb_build_object('expiredAt', ${now.toISOString()}::text), "updatedAt" = ${now}
    where key like ${`${prefix}:%`} and "updatedAt" < ${before} and not (value ? 'expiredAt')`);
}

/** Once the person was told, the mark goes too. */
export async function forgetExpiredConversation(store: Store, key: string): Promise<void> {
  await store.execute(Prisma.sql`delete from "Session" where key = ${key} and value ? 'expiredAt'`);
}
