// Webhook updates already handled: Telegram sends an update again when its answer was slow or
// lost, possibly to another instance; an update is written here only once it was handled.
import { sql } from "kysely";
import type { Store } from "../db/store.js";
import { prepared, q } from "../db/typed.js";

/** How long an update id is remembered: Telegram gives up redelivering long before. */
export const PROCESSED_UPDATE_KEPT_HOURS = 24;

// Both run with every webhook update: compiled once.
const handledStatement = prepared((p: { updateId: bigint }) =>
  q.selectFrom("ProcessedUpdate").select("updateId").where("updateId", "=", p.updateId),
);
const markStatement = prepared((p: { updateId: bigint }) =>
  q
    .insertInto("ProcessedUpdate")
    .values({ updateId: p.updateId })
    .onConflict((c) => c.doNothing()),
);

export async function wasHandled(store: Store, updateId: number): Promise<boolean> {
  return (await store.all(handledStatement({ updateId: BigInt(updateId) }))).length > 0;
}

export async function markHandled(store: Store, updateId: number): Promise<void> {
  await store.run(markStatement({ updateId: BigInt(updateId) }));
}

export async function forgetOldUpdates(store: Store): Promise<void> {
  // The database's clock, as the rows' default took it: sql`…`, since Kysely has no interval arithmetic.
  await store.run(
    q
      .deleteFrom("ProcessedUpdate")
      .where("at", "<", sql<Date>`now() - make_interval(hours => ${PROCESSED_UPDATE_KEPT_HOURS})`),
  );
}
