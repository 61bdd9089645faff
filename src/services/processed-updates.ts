// Webhook updates already handled: Telegram sends an update again when its answer was slow or
// lost, possibly to another instance; an update is written here only once it was handled.
import type { Db } from "../db/client.js";

/** How long an update id is remembered: Telegram gives up redelivering long before. */
export const PROCESSED_UPDATE_KEPT_HOURS = 24;

export async function wasHandled(db: Db, updateId: number): Promise<boolean> {
  return (await db.processedUpdate.count({ where: { updateId: BigInt(updateId) } })) > 0;
}

export async function markHandled(db: Db, updateId: number): Promise<void> {
  await db.$executeRaw`insert into "ProcessedUpdate" ("updateId") values (${BigInt(updateId)}) on conflict do nothing`;
}

export async function forgetOldUpdates(db: Db): Promise<void> {
  await db.$executeRaw`delete from "ProcessedUpdate" where at < now() - make_interval(hours => ${PROCESSED_UPDATE_KEPT_HOURS})`;
}
