// The outbox's pace, shared by every instance through PostgreSQL: each message reserves the bot's
// next free moment (1/rate apart) and its chat's (one a second), so that together the instances
// stay under Telegram's limits instead of learning them from 429s.
import { Prisma } from "../generated/prisma/client.js";
import type { Store } from "../db/store.js";
import { CHAT_MESSAGE_INTERVAL_MS } from "../domain/telegram-limits.js";

export type Slot = { at: Date } | { chatBusyUntil: Date };

/**
 * The moment a message to this person may go, reserved; or, when their chat already has a message
 * reserved less than a second before, the moment it is free (nothing is reserved then).
 */
export async function reserveSlot(store: Store, userId: number, rate: number): Promise<Slot> {
  const gap = 1 / rate;
  const [row] = await store.rows<{ at: Date | null; busyUntil: Date | null }>(Prisma.sql`
    with free as (
      select id from "User" where id = ${userId} and ("nextMessageAt" is null or "nextMessageAt" <= now()) for update),
    slot as (
      update "OutboxClock" set "nextAt" = greatest("nextAt", now()) + make_interval(secs => ${gap})
      where id = 1 and exists (select 1 from free)
      returning "nextAt" - make_interval(secs => ${gap}) as at),
    chat as (
      update "User" u set "nextMessageAt" = slot.at + make_interval(secs => ${CHAT_MESSAGE_INTERVAL_MS / 1000})
      from slot where u.id = ${userId})
    select (select at from slot) as at, (select "nextMessageAt" from "User" where id = ${userId}) as "busyUntil"`);
  if (row?.at) return { at: row.at };
  return { chatBusyUntil: row?.busyUntil ?? new Date() };
}

/** The bot's next moment alone: for a message already holding its chat's, whose own moment passed while it waited. */
export async function reserveBotSlot(store: Store, rate: number): Promise<Date> {
  const gap = 1 / rate;
  const [row] = await store.rows<{ at: Date }>(Prisma.sql`
    update "OutboxClock" set "nextAt" = greatest("nextAt", now()) + make_interval(secs => ${gap})
    where id = 1 returning "nextAt" - make_interval(secs => ${gap}) as at`);
  return row!.at;
}

/** Telegram said 429: no instance sends anything before `seconds` have passed. */
export async function holdBack(store: Store, seconds: number): Promise<void> {
  await store.execute(Prisma.sql`update "OutboxClock" set "nextAt" = greatest("nextAt", now() + make_interval(secs => ${seconds})) where id = 1`);
}
