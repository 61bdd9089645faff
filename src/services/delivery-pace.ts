// The outbox's pace, shared by every instance through PostgreSQL: each message reserves the bot's
// next free moment (1/rate apart) and its chat's (one a second), so that together the instances
// stay under Telegram's limits instead of learning them from 429s.
import { sql } from "kysely";
import { prepared, q } from "../db/typed.js";
import type { Store } from "../db/store.js";
import { CHAT_MESSAGE_INTERVAL_MS } from "../domain/telegram-limits.js";

export type Slot = { at: Date } | { chatBusyUntil: Date };

// The clock's arithmetic (now(), greatest, make_interval), which Kysely has no builders for: typed fragments.
const after = (seconds: unknown) => sql<Date>`greatest("nextAt", now()) + make_interval(secs => ${seconds})`;

/** Sent with every notification: compiled once. */
const slotStatement = prepared((p: { userId: number; gap: number; chatGap: number }) =>
  q
    .with("free", (db) =>
      db
        .selectFrom("User")
        .select("id")
        .where("id", "=", p.userId)
        .where((eb) => eb.or([eb("nextMessageAt", "is", null), eb("nextMessageAt", "<=", sql<Date>`now()`)]))
        .forUpdate(),
    )
    .with("slot", (db) =>
      db
        .updateTable("OutboxClock")
        .set({ nextAt: after(p.gap) })
        .where("id", "=", 1)
        .where(({ exists, selectFrom }) => exists(selectFrom("free").select("id")))
        .returning(sql<Date>`"nextAt" - make_interval(secs => ${p.gap})`.as("at")),
    )
    .with("chat", (db) =>
      db
        .updateTable("User as u")
        .from("slot")
        .set({ nextMessageAt: sql<Date>`slot.at + make_interval(secs => ${p.chatGap})` })
        .where("u.id", "=", p.userId),
    )
    .selectNoFrom(({ selectFrom }) => [
      selectFrom("slot").select("at").$asScalar().as("at"),
      selectFrom("User").select("nextMessageAt").where("id", "=", p.userId).$asScalar().as("busyUntil"),
    ]),
);

const botSlotStatement = prepared((p: { gap: number }) =>
  q
    .updateTable("OutboxClock")
    .set({ nextAt: after(p.gap) })
    .where("id", "=", 1)
    .returning(sql<Date>`"nextAt" - make_interval(secs => ${p.gap})`.as("at")),
);

/**
 * The moment a message to this person may go, reserved; or, when their chat already has a message
 * reserved less than a second before, the moment it is free (nothing is reserved then).
 */
export async function reserveSlot(store: Store, userId: number, rate: number): Promise<Slot> {
  const gap = 1 / rate;
  const [row] = await store.all(slotStatement({ userId, gap, chatGap: CHAT_MESSAGE_INTERVAL_MS / 1000 }));
  if (row?.at) return { at: row.at };
  return { chatBusyUntil: row?.busyUntil ?? new Date() };
}

/** The bot's next moment alone: for a message already holding its chat's, whose own moment passed while it waited. */
export async function reserveBotSlot(store: Store, rate: number): Promise<Date> {
  const gap = 1 / rate;
  const [row] = await store.all(botSlotStatement({ gap }));
  return row!.at;
}

/** Telegram said 429: no instance sends anything before `seconds` have passed. */
export async function holdBack(store: Store, seconds: number): Promise<void> {
  await store.run(
    q
      .updateTable("OutboxClock")
      .set({ nextAt: sql<Date>`greatest("nextAt", now() + make_interval(secs => ${seconds}))` })
      .where("id", "=", 1),
  );
}
