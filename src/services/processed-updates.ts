// Webhook updates already handled: Telegram sends an update again when its answer was slow or
// lost, possibly to another instance; an update is written here only once it was handled.
import { sql } from "kysely";
import type { Store } from "../db/store.js";
import { q } from "../db/typed.js";

/** How long an update id is remembered: Telegram gives up redelivering long before. */
export const PROCESSED_UPDATE_KEPT_HOURS = 24;

export async function wasHandled(store: Store, updateId: number): Promise<boolean> {
  const found = await store.all(q.selectFrom("ProcessedUpdate").select("updateId").where("updateId", "=", BigInt(updateId)));
  return found.length > 0;
}

export async function markHandled(store: Store, updateId: number): Promise<void> {
  await store.run(q.insertInto("ProcessedUpdate").values({ updateId: BigInt(updateId) }).onConflict((c) => c.doNothing()));
}

export async function forgetOldUpdates(store: Store): Promise<void> {
  // The database's clock, as the rows' default took it: sql`…`, since Kysely has no interval arithmetic.
  await store.run(q.deleteFrom("ProcessedUpdate").where("at", "<", sql<Date>`now() - make_interval(hours => ${PROCESSED_UPDATE_KEPT_HOURS})`));
}
