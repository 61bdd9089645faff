// Webhook updates already handled: Telegram sends an update again when its answer was slow or
// lost, possibly to another instance; an update is written here only once it was handled.
import { Prisma } from "../generated/prisma/client.js";
import type { Store } from "../db/store.js";

/** How long an update id is remembered: Telegram gives up redelivering long before. */
export const PROCESSED_UPDATE_KEPT_HOURS = 24;

export async function wasHandled(store: Store, updateId: number): Promise<boolean> {
  return (await store.db.processedUpdate.count({ where: { updateId: BigInt(updateId) } })) > 0;
}

export async function markHandled(store: Store, updateId: number): Promise<void> {
  await store.execute(Prisma.sql`insert into "ProcessedUpdate" ("updateId") values (${BigInt(updateId)}) on conflict do nothing`);
}

export async function forgetOldUpdates(store: Store): Promise<void> {
  await store.execute(Prisma.sql`delete from "ProcessedUpdate" where at < now() - make_interval(hours => ${PROCESSED_UPDATE_KEPT_HOURS})`);
}
